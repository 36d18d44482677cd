package io.tributary.destination.contract;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of every contract class: a fresh warehouse per test, schema {@code tester}. Test methods are public so
 * that a destination's subclass can override one to disable it, with the reason.
 */
public abstract class DestinationContract {
    @TempDir
    protected Path dir;
    protected DestinationUnderTest target;

    /** A fresh, empty warehouse; {@code dir} is a temporary directory it may use. */
    protected abstract DestinationUnderTest create(Path dir) throws Exception;

    @BeforeEach
    protected void openWarehouse() throws Exception {
        target = create(dir);
    }

    @AfterEach
    protected void closeWarehouse() throws Exception {
        if (target != null) {
            target.close();
        }
    }

    protected Warehouse warehouse() {
        return warehouse("tester");
    }

    protected Warehouse warehouse(String schema) {
        return new Warehouse(target, schema);
    }
}
