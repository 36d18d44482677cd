package io.tributary.destination.duckdb;

import io.tributary.destination.contract.DestinationUnderTest;
import io.tributary.destination.contract.SchemasAndFencingContract;
import java.nio.file.Path;

class SchemasAndFencingTest extends SchemasAndFencingContract {
    @Override
    protected DestinationUnderTest create(Path dir) {
        return new DuckDbUnderTest(dir);
    }
}
