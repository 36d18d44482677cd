package io.tributary.sdk.http;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * An input stream that never ends: a head, then element 0, 1, 2... forever. Reading records from it only
 * works when the reader streams; one that builds the whole document first never returns.
 */
final class Generated extends InputStream {
    private final IntFunction<String> element;
    private byte[] chunk;
    private int pos;
    private int next;

    Generated(String head, IntFunction<String> element) {
        this.element = element;
        this.chunk = head.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        if (pos == chunk.length) {
            chunk = element.apply(next++).getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        return chunk[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int n = 0;
        while (n < len) {
            b[off + n++] = (byte) read();
        }
        return n;
    }

    int elementsProduced() {
        return next;
    }
}
