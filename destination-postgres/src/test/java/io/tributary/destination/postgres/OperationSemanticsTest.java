package io.tributary.destination.postgres;

import io.tributary.destination.contract.OperationSemanticsContract;
import io.tributary.destination.contract.DestinationUnderTest;
import java.nio.file.Path;

class OperationSemanticsTest extends OperationSemanticsContract {
    @Override
    protected DestinationUnderTest create(Path dir) throws Exception {
        return new PostgresUnderTest();
    }
}
