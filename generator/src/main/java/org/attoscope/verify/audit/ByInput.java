package org.attoscope.verify.audit;

/**
 * A weight matrix {@code W} [outputs][inputs] kept for the verifier as one double row of outputs per input
 * ({@code byInput[i][o] = W[o][i]}), and the product of rows of inputs with it: {@code y[r][o] = sum_i x[r][i] W[o][i]}.
 *
 * <p>The product is written as additions of scaled weight rows into output rows, indexed by the bare column counter
 * in the innermost loop: JDK 17's auto-vectoriser turns that loop into vector instructions, where an index with an
 * offset or a dot product's running sum stays scalar. Four inputs go together, so each output loaded and stored
 * gains four terms; columns go in tiles, so a tile of the weights stays in L2 while the rows pass through it. Everything is double (the float weights are
 * exact in double), and the order of the additions is this class's own: results agree with any other order to far
 * below the verifier's tolerances, not bit for bit.
 */
final class ByInput {
    private static final int TILE = 256;

    private final double[][] byInput;
    private final int inputs;
    private final int outputs;

    private ByInput(double[][] byInput, int outputs) {
        this.byInput = byInput;
        this.inputs = byInput.length;
        this.outputs = outputs;
    }

    /**
     * Rows {@code from .. from + outputs} of a row-major float matrix of {@code inputs} columns.
     */
    static ByInput of(float[] w, int from, int outputs, int inputs) {
        double[][] t = new double[inputs][outputs];
        for (int o = 0; o < outputs; o++) {
            int row = (from + o) * inputs;
            for (int i = 0; i < inputs; i++) {
                t[i][o] = w[row + i];
            }
        }
        return new ByInput(t, outputs);
    }

    int inputs() {
        return inputs;
    }

    int outputs() {
        return outputs;
    }

    /** One row of inputs through the matrix. */
    double[] times(double[] x) {
        return times(new double[][] {x})[0];
    }

    /** Each row of {@code x} ({@link #inputs()} values) through the matrix: as many rows of {@link #outputs()}. */
    double[][] times(double[][] x) {
        for (double[] row : x) {
            if (row.length != inputs) {
                throw new IllegalArgumentException("a row of " + row.length + " values into a matrix of " + inputs + " inputs");
            }
        }
        int n = x.length;
        double[][] y = new double[n][outputs];
        for (int c0 = 0; c0 < outputs; c0 += TILE) {
            int c1 = Math.min(outputs, c0 + TILE);
            for (int r = 0; r < n; r++) {
                oneRow(x[r], y[r], c0, c1);
            }
        }
        return y;
    }

    /**
     * One row through one tile of columns, four inputs per pass: each output is written as one chain
     * {@code (((y + a0 w0) + a1 w1) + a2 w2) + a3 w3}. Measured on JDK 17 (AVX-512), that loop, with one array
     * stored to, vectorises (9 GMAC/s a thread on the logits' shape); the same chain stored into two rows' arrays in
     * one loop, or over eight inputs, stays scalar (3 to 4.5 GMAC/s), so rows go one at a time and share a weight
     * tile through the cache instead.
     */
    private void oneRow(double[] x, double[] y, int c0, int c1) {
        int i = 0;
        for (; i + 4 <= inputs; i += 4) {
            double[] w0 = byInput[i];
            double[] w1 = byInput[i + 1];
            double[] w2 = byInput[i + 2];
            double[] w3 = byInput[i + 3];
            double a0 = x[i];
            double a1 = x[i + 1];
            double a2 = x[i + 2];
            double a3 = x[i + 3];
            for (int c = c0; c < c1; c++) {
                y[c] = (((y[c] + a0 * w0[c]) + a1 * w1[c]) + a2 * w2[c]) + a3 * w3[c];
            }
        }
        for (; i < inputs; i++) {
            double[] w = byInput[i];
            double a = x[i];
            for (int c = c0; c < c1; c++) {
                y[c] += a * w[c];
            }
        }
    }
}
