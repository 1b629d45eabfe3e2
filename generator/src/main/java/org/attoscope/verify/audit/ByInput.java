package org.attoscope.verify.audit;

/**
 * A weight matrix {@code W} [outputs][inputs] kept for the verifier as one double row of outputs per input
 * ({@code byInput[i][o] = W[o][i]}), and the product of rows of inputs with it: {@code y[r][o] = sum_i x[r][i] W[o][i]}.
 *
 * <p>The product is written as additions of scaled weight rows into output rows, indexed by the bare column counter
 * in the innermost loop: JDK 17's auto-vectoriser turns that loop into vector instructions, where an index with an
 * offset or a dot product's running sum stays scalar. Two rows and four inputs go together, so each weight value
 * loaded feeds two rows and each output loaded and stored gains four terms; columns go in tiles so a tile of the
 * two output rows stays in L1 while the weight rows stream past. Everything is double (the float weights are
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
            pairs(x, y, c0, c1);
            if (n % 2 == 1) {
                oneRow(x[n - 1], y[n - 1], c0, c1);
            }
        }
        return y;
    }

    /**
     * Every pair of rows through one tile of columns: two rows, four inputs per pass over the tile. Each output is
     * written as one chain {@code (((y + a0 e0) + a1 e1) + a2 e2) + a3 e3}: measured on JDK 17, that form vectorises,
     * while the same sums grouped as a tree, or four rows at once, fall back to scalar code at half the speed or less.
     * The loop over the pairs is in here, not in the caller, so the method is too large for C2 to inline: it is
     * compiled once, rather than again into every caller of {@link #times}.
     */
    private void pairs(double[][] x, double[][] y, int c0, int c1) {
        for (int r = 0; r + 2 <= x.length; r += 2) {
            double[] xa = x[r];
            double[] xb = x[r + 1];
            double[] ya = y[r];
            double[] yb = y[r + 1];
            int i = 0;
            for (; i + 4 <= inputs; i += 4) {
                double[] w0 = byInput[i];
                double[] w1 = byInput[i + 1];
                double[] w2 = byInput[i + 2];
                double[] w3 = byInput[i + 3];
                double a0 = xa[i];
                double a1 = xa[i + 1];
                double a2 = xa[i + 2];
                double a3 = xa[i + 3];
                double b0 = xb[i];
                double b1 = xb[i + 1];
                double b2 = xb[i + 2];
                double b3 = xb[i + 3];
                for (int c = c0; c < c1; c++) {
                    double e0 = w0[c];
                    double e1 = w1[c];
                    double e2 = w2[c];
                    double e3 = w3[c];
                    ya[c] = (((ya[c] + a0 * e0) + a1 * e1) + a2 * e2) + a3 * e3;
                    yb[c] = (((yb[c] + b0 * e0) + b1 * e1) + b2 * e2) + b3 * e3;
                }
            }
            for (; i < inputs; i++) {
                double[] w0 = byInput[i];
                double a0 = xa[i];
                double b0 = xb[i];
                for (int c = c0; c < c1; c++) {
                    ya[c] += a0 * w0[c];
                    yb[c] += b0 * w0[c];
                }
            }
        }
    }

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
