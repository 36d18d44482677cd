package io.tributary.destination.postgres;

import io.tributary.destination.contract.FailureAndRecoveryContract;
import io.tributary.destination.contract.DestinationUnderTest;
import java.nio.file.Path;

class FailureAndRecoveryTest extends FailureAndRecoveryContract {
    @Override
    protected DestinationUnderTest create(Path dir) throws Exception {
        return new PostgresUnderTest();
    }
}
