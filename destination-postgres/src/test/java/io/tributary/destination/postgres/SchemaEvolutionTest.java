package io.tributary.destination.postgres;

import io.tributary.destination.contract.SchemaEvolutionContract;
import io.tributary.destination.contract.DestinationUnderTest;
import java.nio.file.Path;

class SchemaEvolutionTest extends SchemaEvolutionContract {
    @Override
    protected DestinationUnderTest create(Path dir) throws Exception {
        return new PostgresUnderTest();
    }
}
