package io.tributary.server.orchestration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where connector classes come from: the jars of a directory (with the server's classes as parent), or the server's. */
public final class ConnectorPath {
    private ConnectorPath() {
    }

    public static ClassLoader classLoader(Path directory) {
        ClassLoader server = ConnectorPath.class.getClassLoader();
        if (directory == null) {
            return server;
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("the connector path " + directory.toAbsolutePath() + " is not a "
                    + "directory; give a directory holding connector jars (and the jars they need)");
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the connector path " + directory, e);
        }
        return new URLClassLoader("connectors", jars.toArray(URL[]::new), server);
    }
}
