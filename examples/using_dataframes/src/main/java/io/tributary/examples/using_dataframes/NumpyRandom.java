package io.tributary.examples.using_dataframes;

/**
 * NumPy's legacy random generator ({@code np.random.seed}, {@code rand}, {@code choice} with probabilities):
 * the Mersenne Twister MT19937 and NumPy's conversions, so that this port generates the very numbers the
 * original's {@code np.random.seed(0)} does. Not thread-safe.
 */
final class NumpyRandom {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int index;

    /** {@code np.random.seed(seed)} for a seed below 2^32. */
    NumpyRandom(long seed) {
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** {@code np.random.rand()}: 53 random bits from two 32-bit outputs, in [0, 1). */
    double nextDouble() {
        long a = Integer.toUnsignedLong(next32()) >>> 5;
        long b = Integer.toUnsignedLong(next32()) >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** {@code np.random.rand(rows, columns)}, filled row by row. */
    double[][] rand(int rows, int columns) {
        double[][] out = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[r][c] = nextDouble();
            }
        }
        return out;
    }

    /**
     * {@code np.random.choice([True, False], size=(rows, columns), p=[p, 1 - p])}: a uniform draw below the first
     * cumulative probability picks True.
     */
    boolean[][] choiceTrueFalse(int rows, int columns, double p) {
        double[] cdf = {p, p + (1 - p)};
        double first = cdf[0] / cdf[1];
        boolean[][] out = new boolean[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[r][c] = nextDouble() < first;
            }
        }
        return out;
    }

    private int next32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
            mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        index = 0;
    }
}
