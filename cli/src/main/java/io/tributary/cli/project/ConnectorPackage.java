package io.tributary.cli.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A connector project as a package a Tributary server runs ({@code POST /v1/connector-sdk/packages}): a zip of
 * {@code tributary-package.json} ({@code {"format": 1, "connector_class": …}}), {@code classes/} (the compiled
 * classes and resources) and {@code lib/} (the dependency jars). Tributary's own libraries are left out: the
 * server provides them, as it provides the SDK.
 */
public final class ConnectorPackage {
    public static final String MANIFEST = "tributary-package.json";
    private static final String PROVIDED_PREFIX = "tributary-";

    private ConnectorPackage() {
    }

    /** Writes the package of {@code build} to {@code zip}; returns the jars it put in {@code lib/}. */
    public static List<Path> write(ConnectorProject.Build build, Path zip) {
        List<Path> libs = new ArrayList<>();
        try {
            Files.createDirectories(zip.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("format", 1);
                manifest.put("connector_class", build.connectorType().getName());
                z.putNextEntry(new ZipEntry(MANIFEST));
                z.write(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                z.closeEntry();
                addTree(z, build.classes(), "classes/");
                if (build.resources() != null) {
                    addTree(z, build.resources(), "classes/");
                }
                for (Path jar : build.dependencies()) {
                    String name = jar.getFileName().toString();
                    if (name.startsWith(PROVIDED_PREFIX) || !name.endsWith(".jar")) {
                        continue;
                    }
                    z.putNextEntry(new ZipEntry("lib/" + name));
                    Files.copy(jar, z);
                    z.closeEntry();
                    libs.add(jar);
                }
            }
        } catch (IOException e) {
            throw new UserError("cannot write the package " + zip + ": " + e.getMessage());
        }
        return libs;
    }

    private static void addTree(ZipOutputStream z, Path root, String prefix) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            z.putNextEntry(new ZipEntry(prefix + root.relativize(file).toString().replace('\\', '/')));
            Files.copy(file, z);
            z.closeEntry();
        }
    }
}
