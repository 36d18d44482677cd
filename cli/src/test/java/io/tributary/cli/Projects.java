package io.tributary.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small connector projects (sources only, no pom.xml) for CLI tests. */
final class Projects {
    private Projects() {
    }

    static Path withConnector(Path dir, String className, String body) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("configuration.json"), "{\"greeting\": \"hi\", \"api_key\": \"s3cr3t\"}");
        return addSource(dir, className, body);
    }

    static Path addSource(Path dir, String className, String body) throws IOException {
        Path src = dir.resolve("src/main/java/demo/" + className + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package demo;\n"
                + "import io.tributary.sdk.*;\n"
                + "import java.util.*;\n"
                + "public class " + className + " implements Connector {\n"
                + "    public List<Table> schema(Configuration c) { return List.of(Table.named(\"items\").primaryKey(\"id\")); }\n"
                + "    public void update(Configuration c, State state, Operations ops) throws Exception {\n"
                + body + "\n    }\n}\n");
        // Compiled classes are cached by modification time; make every rewrite count as newer.
        Files.setLastModifiedTime(src, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
        return dir;
    }

    static final String THREE_ITEMS = ""
            + "long cursor = state.getLong(\"cursor\", 0);\n"
            + "for (long i = cursor + 1; i <= cursor + 3; i++) { ops.upsert(\"items\", Map.of(\"id\", i, \"greeting\", c.require(\"greeting\"))); }\n"
            + "state.put(\"cursor\", cursor + 3);\n"
            + "ops.checkpoint(state);";
}
