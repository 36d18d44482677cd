package io.tributary.cli.project;

import io.tributary.sdk.Connector;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A connector project on disk, compiled and loaded in-process. Sources are {@code src/main/java}; with a
 * {@code pom.xml}, Maven resolves the dependencies once (again only when the pom changes). Compiled classes
 * are cached under {@code target/tributary} until a source changes, so a warm run starts at once.
 */
public final class ConnectorProject {
    private static final java.util.regex.Pattern SDK_JAR = java.util.regex.Pattern.compile("tributary-sdk-\\d.*\\.jar");
    private final Path dir;
    private final Path work;

    public ConnectorProject(Path dir) {
        this.dir = dir;
        this.work = dir.resolve("target").resolve("tributary");
    }

    /**
     * A compiled project: its classes, its resources (null without src/main/resources), its dependency jars
     * (without the SDK, which the runtime provides) and the connector class found in it.
     */
    public record Build(Path classes, Path resources, List<Path> dependencies, Class<?> connectorType) {
    }

    /** Compiles if needed and instantiates the project's connector. */
    public Connector load(String connectorClass) {
        Class<?> type = build(connectorClass).connectorType();
        try {
            return (Connector) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new UserError("cannot create connector " + type.getName() + ": " + cause
                    + ". A connector needs a public no-argument constructor that does not throw.", cause);
        }
    }

    /** Compiles if needed and finds the connector class: {@code connectorClass}, or the only one there is. */
    public Build build(String connectorClass) {
        Path sources = dir.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            throw new UserError("no connector sources in " + dir + ": expected Java files under src/main/java. "
                    + "Create a project with `tributary init NAME`.");
        }
        List<Path> classpath = dependencies();
        Path classes = compile(sources, classpath);
        List<URL> urls = new ArrayList<>();
        urls.add(url(classes));
        Path resources = dir.resolve("src/main/resources");
        if (Files.isDirectory(resources)) {
            urls.add(url(resources));
        } else {
            resources = null;
        }
        for (Path p : classpath) {
            urls.add(url(p));
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), Connector.class.getClassLoader());
        Class<?> type = connectorClass != null ? loadNamed(loader, connectorClass) : discover(loader, classes);
        return new Build(classes, resources, classpath, type);
    }

    private static Class<?> loadNamed(ClassLoader loader, String name) {
        try {
            Class<?> type = loader.loadClass(name);
            if (!Connector.class.isAssignableFrom(type)) {
                throw new UserError("class " + name + " does not implement io.tributary.sdk.Connector");
            }
            return type;
        } catch (ClassNotFoundException e) {
            throw new UserError("connector class " + name + " not found in the project");
        }
    }

    private static Class<?> discover(ClassLoader loader, Path classes) {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(f).toString().replace(File.separatorChar, '.');
                name = name.substring(0, name.length() - ".class".length());
                Class<?> type;
                try {
                    type = Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (Connector.class.isAssignableFrom(type) && !type.isInterface()
                        && !Modifier.isAbstract(type.getModifiers()) && Modifier.isPublic(type.getModifiers())
                        && type.getEnclosingClass() == null) {
                    found.add(type);
                }
            }
        } catch (IOException e) {
            throw new UserError("cannot read compiled classes in " + classes + ": " + e.getMessage());
        }
        if (found.isEmpty()) {
            throw new UserError("no connector found: no public class in src/main/java implements "
                    + "io.tributary.sdk.Connector. Add one (see `tributary init`).");
        }
        if (found.size() > 1) {
            throw new UserError("more than one connector found: " + found.stream().map(Class::getName).sorted().toList()
                    + ". Keep one, or choose with --connector CLASS.");
        }
        return found.get(0);
    }

    /** The project's dependency jars, resolved by Maven when there is a pom.xml, and cached. */
    private List<Path> dependencies() {
        Path pom = dir.resolve("pom.xml");
        if (!Files.exists(pom)) {
            return List.of();
        }
        Path cached = work.resolve("classpath.txt");
        try {
            if (!Files.exists(cached) || newer(pom, Files.getLastModifiedTime(cached))) {
                resolveWithMaven(pom, cached);
            }
            String text = Files.readString(cached, StandardCharsets.UTF_8).trim();
            List<Path> out = new ArrayList<>();
            for (String entry : text.isEmpty() ? new String[0] : text.split(File.pathSeparator)) {
                // The runtime provides the SDK itself; a second copy would split its classes in two. Its
                // companions (tributary-sdk-http, ...) come from the project like any other library.
                if (!SDK_JAR.matcher(Path.of(entry).getFileName().toString()).matches()) {
                    out.add(Path.of(entry));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UserError("cannot read the cached classpath " + cached + ": " + e.getMessage());
        }
    }

    private void resolveWithMaven(Path pom, Path output) throws IOException {
        org.slf4j.LoggerFactory.getLogger("tributary").info("resolving dependencies of {} with Maven (again only when it changes)", pom);
        Files.createDirectories(output.getParent());
        Path log = work.resolve("maven.log");
        List<String> command = List.of(mavenExecutable(), "-q", "-B", "-f", pom.toString(),
                "org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath", "-DincludeScope=runtime",
                "-Dmdep.outputFile=" + output.toAbsolutePath());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                Files.deleteIfExists(output);
                throw new UserError("Maven could not resolve the dependencies of " + pom + " (log: " + log + "):\n"
                        + tail(log) + "\nFix the pom.xml; if tributary-sdk is missing, run ./tributary from the "
                        + "Tributary checkout once, which installs it.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while resolving dependencies");
        }
    }

    private static String mavenExecutable() {
        String home = System.getenv("MAVEN_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private Path compile(Path sources, List<Path> classpath) {
        Path classes = work.resolve("classes");
        Path stamp = work.resolve("compiled.stamp");
        List<Path> javaFiles;
        try (Stream<Path> files = Files.walk(sources)) {
            javaFiles = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UserError("cannot list sources in " + sources + ": " + e.getMessage());
        }
        if (javaFiles.isEmpty()) {
            throw new UserError("no .java files under " + sources);
        }
        try {
            if (Files.exists(stamp) && upToDate(javaFiles, stamp)) {
                return classes;
            }
            deleteTree(classes);
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UserError("cannot prepare " + classes + ": " + e.getMessage());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new UserError("no Java compiler available: run Tributary with a JDK 17+, not a JRE");
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-parameters",
                "-encoding", "UTF-8", "-proc:none", "-classpath", compileClasspath(classpath)));
        javaFiles.forEach(p -> args.add(p.toString()));
        if (compiler.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new UserError("the connector does not compile; see the compiler errors above.");
        }
        try {
            Files.writeString(stamp, String.valueOf(javaFiles.size()));
        } catch (IOException e) {
            throw new UserError("cannot write " + stamp + ": " + e.getMessage());
        }
        return classes;
    }

    /** The SDK as this process loaded it (a shaded jar, or the reactor's jars under test), then the project's. */
    private static String compileClasspath(List<Path> dependencies) {
        List<String> entries = new ArrayList<>();
        entries.add(System.getProperty("java.class.path"));
        for (Class<?> api : List.of(Connector.class, com.fasterxml.jackson.databind.JsonNode.class,
                com.fasterxml.jackson.core.JsonParser.class, com.fasterxml.jackson.annotation.JsonProperty.class)) {
            var source = api.getProtectionDomain().getCodeSource();
            if (source != null) {
                try {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        dependencies.forEach(p -> entries.add(p.toString()));
        return String.join(File.pathSeparator, entries);
    }

    private static boolean upToDate(List<Path> sources, Path stamp) throws IOException {
        FileTime built = Files.getLastModifiedTime(stamp);
        if (!Files.readString(stamp).equals(String.valueOf(sources.size()))) {
            return false; // a source was added or removed
        }
        for (Path p : sources) {
            if (newer(p, built)) {
                return false;
            }
        }
        return true;
    }

    private static boolean newer(Path file, FileTime than) throws IOException {
        return Files.getLastModifiedTime(file).compareTo(than) > 0;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(p);
            }
        }
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
