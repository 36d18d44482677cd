package io.tributary.server.destinations;

import io.tributary.api.model.SetupTest;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A DuckDB warehouse file on the server's disk. Config: {@code path}. */
final class DuckDbService implements DestinationService {
    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of();
    }

    @Override
    public Map<String, Object> validate(Map<String, Object> config) {
        String path = DestinationService.requireText(config, "path");
        try {
            Path.of(path);
        } catch (InvalidPathException e) {
            throw io.tributary.server.http.ApiException.invalid("Field 'config.path' is not a valid path: " + e.getReason());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", path);
        return out;
    }

    @Override
    public List<SetupTest> test(Map<String, Object> config) {
        Path file = Path.of(config.get("path").toString()).toAbsolutePath();
        Path dir = file.getParent();
        String title = "Warehouse file";
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            return List.of(DestinationService.failed(title, file + " exists and is not a file"));
        }
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of(DestinationService.failed(title, "directory " + dir + " does not exist; create it first"));
        }
        if (!Files.isWritable(dir)) {
            return List.of(DestinationService.failed(title, "the server cannot write to " + dir));
        }
        return List.of(DestinationService.passed(title));
    }
}
