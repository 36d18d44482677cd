package io.tributary.destination.postgres;

import io.tributary.destination.contract.SchemasAndFencingContract;
import io.tributary.destination.contract.DestinationUnderTest;
import java.nio.file.Path;

class SchemasAndFencingTest extends SchemasAndFencingContract {
    @Override
    protected DestinationUnderTest create(Path dir) throws Exception {
        return new PostgresUnderTest();
    }
}
