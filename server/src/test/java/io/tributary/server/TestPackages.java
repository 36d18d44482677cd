package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.Connector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Connector SDK packages built by the tests as the Tributary CLI builds them: sources compiled with the JDK's
 * compiler into a temporary directory (so their classes are on no class path the server has), zipped with
 * {@code tributary-package.json}, {@code classes/} and {@code lib/*.jar}.
 */
public final class TestPackages {
    private TestPackages() {
    }

    /** Compiles {@code sources} (class name → source) into {@code out}, against the SDK and {@code libs}. */
    public static Path compile(Path out, Map<String, String> sources, Path... libs) {
        try {
            Path src = Files.createTempDirectory(Files.createDirectories(out.getParent()), "src");
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-classpath",
                    classPath(libs)));
            for (Map.Entry<String, String> s : sources.entrySet()) {
                Path file = src.resolve(s.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, s.getValue());
                args.add(file.toString());
            }
            Files.createDirectories(out);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = javac.run(null, errors, errors, args.toArray(String[]::new));
            assertThat(status).as("javac: %s", errors).isZero();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classPath(Path... libs) {
        try {
            List<String> entries = new ArrayList<>();
            entries.add(Path.of(Connector.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            for (Path lib : libs) {
                entries.add(lib.toString());
            }
            return String.join(java.io.File.pathSeparator, entries);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A jar of every file under {@code classes}. */
    public static Path jar(Path jar, Path classes) {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : files(classes, "").entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String manifest(String connectorClass) {
        return "{\"format\": 1, \"connector_class\": \"" + connectorClass + "\", \"built_by\": \"tests\"}";
    }

    /** A package: the manifest, every file of {@code classes} under classes/, and {@code libs} under lib/. */
    public static byte[] pack(String manifest, Path classes, Path... libs) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("tributary-package.json", manifest.getBytes(StandardCharsets.UTF_8));
        entries.putAll(files(classes, "classes/"));
        try {
            for (Path lib : libs) {
                entries.put("lib/" + lib.getFileName(), Files.readAllBytes(lib));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip(entries);
    }

    /** A zip of these entries, in this order. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> files(Path root, String prefix) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.put(prefix + root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A package that passes the upload's checks, for tests that never run it: its class file holds no code. */
    public static byte[] placeholder() {
        return zip(Map.of("tributary-package.json", manifest("com.example.Hello").getBytes(StandardCharsets.UTF_8),
                "classes/com/example/Hello.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Http.Answer upload(Http http, byte[] zip) {
        return http.upload("POST", "/v1/connector-sdk/packages", "file", "package.zip", zip);
    }

    /** Uploads a package and answers its id. */
    public static String uploaded(ServerFixture f, byte[] zip) {
        Http.Answer created = upload(f.admin, zip);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.data().path("id").asText();
    }
}
