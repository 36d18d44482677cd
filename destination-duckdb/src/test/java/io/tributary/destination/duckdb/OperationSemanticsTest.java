package io.tributary.destination.duckdb;

import io.tributary.destination.contract.OperationSemanticsContract;
import io.tributary.destination.contract.DestinationUnderTest;
import java.nio.file.Path;

class OperationSemanticsTest extends OperationSemanticsContract {
    @Override
    protected DestinationUnderTest create(Path dir) {
        return new DuckDbUnderTest(dir);
    }
}
