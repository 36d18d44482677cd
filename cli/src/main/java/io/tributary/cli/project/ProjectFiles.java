package io.tributary.cli.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** A connector project's files: {@code configuration.json}, and {@code files/} with the warehouse and state. */
public final class ProjectFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public ProjectFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path filesDir() {
        return dir.resolve("files");
    }

    public Path warehouse() {
        return filesDir().resolve("warehouse.db");
    }

    public Path stateFile() {
        return filesDir().resolve("state.json");
    }

    /** Reads a configuration file: a flat JSON object of string values, at most 100 keys. */
    public static Configuration readConfiguration(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError("configuration file " + file + " not found. Create it (use {} when the connector "
                    + "needs no configuration) or pass --configuration FILE.");
        } catch (IOException e) {
            throw new UserError("cannot read configuration file " + file + ": " + e.getMessage());
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserError(file + " is not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + ". It must be a JSON object of string values, such as {\"api_key\": \"...\"}.");
        }
        if (node == null || !node.isObject()) {
            throw new UserError(file + " must be a JSON object of string values, such as {\"api_key\": \"...\"}.");
        }
        if (node.size() > Configuration.MAX_KEYS) {
            throw new UserError(file + " has " + node.size() + " keys; at most " + Configuration.MAX_KEYS
                    + " are allowed. Keep secrets and settings there, and constants in code.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new UserError(file + ": the value of key '" + field.getKey() + "' is "
                        + field.getValue().getNodeType().toString().toLowerCase() + ", but every value must be a string. "
                        + "Quote it (\"" + field.getKey() + "\": \"" + field.getValue().toString().replace("\"", "\\\"")
                        + "\") and parse it in the connector.");
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return Configuration.of(values);
    }

    /** The state in {@code files/state.json}, or null when there is none. Malformed files are an error. */
    public String readState() {
        return readStateFile(stateFile());
    }

    public static String readStateFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UserError("cannot read state file " + file + ": " + e.getMessage());
        }
        try {
            return State.parse(text).toJson();
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage() + ". Fix the file, delete it to resume from the "
                    + "warehouse's committed state, or run `tributary reset` to start over.");
        }
    }

    /** Replaces {@code files/state.json} atomically: readers see the old or the new state, never a mix. */
    public void writeState(String stateJson) {
        Path target = stateFile();
        Path tmp = target.resolveSibling("state.json.tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(tmp, stateJson, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOExceptionWithPath(target, e);
        }
    }

    /** Writing state.json failed; the warehouse still holds the committed state. */
    public static final class UncheckedIOExceptionWithPath extends RuntimeException {
        UncheckedIOExceptionWithPath(Path path, IOException cause) {
            super("cannot write " + path + ": " + cause.getMessage()
                    + " (the warehouse holds the committed state; the next run rewrites the file)", cause);
        }
    }
}
