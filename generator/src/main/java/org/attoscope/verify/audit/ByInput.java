package org.attoscope.verify.audit;

import java.util.Arrays;
import org.attoscope.util.FusedMultiplyAdd;

/**
 * A weight matrix {@code W} [outputs][inputs] kept for the verifier by input, in tiles of columns
 * ({@code tiles[t][i][c] = W[t * TILE + c][i]}), and the product of rows of inputs with it:
 * {@code y[r][o] = sum_i x[r][i] W[o][i]}.
 *
 * <p>The product is written as additions of scaled weight rows into output rows, indexed by the bare column counter
 * in the innermost loop, the form JDK 17's auto-vectoriser turns into vector instructions (a dot product's running
 * sum stays scalar). Everything is double (the float weights are exact in double), and each output is one chain in
 * input order, the same whether a row goes alone or with others. Where the processor has a fused multiply-add, the
 * chain is of {@link Math#fma} ({@code y = fma(x_i, w_i, y)}, one rounding a step), four rows by four inputs a pass;
 * without one (where {@code Math.fma} would fall back to {@code BigDecimal}), of a product and a sum
 * ({@code y = y + x_i w_i}), four rows by two inputs a pass. The two differ in the last bits, far below the
 * verifier's tolerances; neither order is the engine's.
 *
 * <p>Measured on JDK 17, per thread, 128 rows (2026-12-02, a 2.6 GHz AMD EPYC of family 25, whose AVX-512 units are
 * 256 bits wide; GMAC/s): the fused kernel 14.2 to 15.1 on the logits (4,096 outputs of 160 inputs), 16.4 to 16.7 on
 * 160 by 160, 18.1 to 18.9 on 640 outputs of 160 and 15.2 to 17.7 on 160 outputs of 640, against the product-and-sum
 * kernel's 12.4 to 13.3, 15.7 to 17.0, 11.9 to 14.3 and 12.4 to 13.2. The fused kernel of four rows by two inputs
 * ran at 11.3 to 12.1 on the logits, two rows by four inputs of products and sums at 11.3 to 11.6. Earlier the
 * same day, on a processor of family 26: the product-and-sum kernel 22 to 27 GMAC/s on 160 by 160, 19 to 21.5 on the
 * logits; two rows a pass into one accumulator array at a constant distance, 12.5 to 14; two rows stored into two
 * arrays in one loop, 4.5, the same as with the vectoriser off (two arrays might be one, so their loads and stores
 * may not be reordered); four rows by four inputs of products and sums is past what C2 vectorises (5.5).
 */
final class ByInput {
    /**
     * Columns per tile, every tile full (the last padded with zero weights): the vectoriser needs the inner loop's
     * bound to be this constant, the distance between the rows' accumulators, to see that they never overlap (with
     * a variable bound two rows run at the scalar 4.5 GMAC/s). It is attoGPT's width, 160: the matrices with that
     * many outputs (the attention's and the MLP's way back) are one full tile, the MLP's 640 outputs 4 full tiles and
     * the logits' 4,096 25 full tiles and one of 96 columns. Measured per matrix, 70 rows, GMAC/s counting only real columns: 128 (which padded
     * the 160-output matrices to 256 columns) gave 9.4 on the logits, 8.5 on 160 by 160 and 6.8 on 160 by 640; 160
     * gave 12.9 to 13.2, 11.9 to 13.8 and 10.5 to 11.4; 192, 256 and 320 were slower on at least two of the three.
     * The verifier's pass over a 256-token text with every point explained ran 27 to 42% faster with 160 than with 128.
     */
    private static final int TILE = 160;

    /** Rows of inputs that go through a tile together: each weight loaded feeds four rows. */
    private static final int ROWS = 4;

    private final double[][][] tiles;
    private final int inputs;
    private final int outputs;
    private final boolean fused;

    private ByInput(double[][][] tiles, int inputs, int outputs, boolean fused) {
        this.tiles = tiles;
        this.inputs = inputs;
        this.outputs = outputs;
        this.fused = fused;
    }

    /**
     * Rows {@code from .. from + outputs} of a row-major float matrix of {@code inputs} columns.
     */
    static ByInput of(float[] w, int from, int outputs, int inputs) {
        return of(w, from, outputs, inputs, FusedMultiplyAdd.inHardware());
    }

    /** As {@link #of(float[], int, int, int)}, with the chain of {@link Math#fma} or of products and sums. */
    static ByInput of(float[] w, int from, int outputs, int inputs, boolean fused) {
        double[][][] tiles = new double[(outputs + TILE - 1) / TILE][][];
        for (int t = 0; t < tiles.length; t++) {
            int c0 = t * TILE;
            tiles[t] = new double[inputs][TILE];
            for (int c = 0; c < Math.min(TILE, outputs - c0); c++) {
                int row = (from + c0 + c) * inputs;
                for (int i = 0; i < inputs; i++) {
                    tiles[t][i][c] = w[row + i];
                }
            }
        }
        return new ByInput(tiles, inputs, outputs, fused);
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
        return times(x, new double[x.length][outputs]);
    }

    /**
     * As {@link #times(double[][])}, into the first rows of {@code y} (each of {@link #outputs()} values, every value
     * overwritten): a caller that runs batch after batch keeps one {@code y}, where a fresh one for the logits of 128
     * rows is 4 MB a batch, the verifier's largest allocation (20 GB over a 200-story build, by JFR).
     *
     * @return {@code y}
     */
    double[][] times(double[][] x, double[][] y) {
        for (double[] row : x) {
            if (row.length != inputs) {
                throw new IllegalArgumentException("a row of " + row.length + " values into a matrix of " + inputs + " inputs");
            }
        }
        int n = x.length;
        if (y.length < n) {
            throw new IllegalArgumentException(n + " rows into room for " + y.length);
        }
        for (int r = 0; r < n; r++) {
            if (y[r].length != outputs) {
                throw new IllegalArgumentException("an output row of " + y[r].length + " values from a matrix of " + outputs + " outputs");
            }
        }
        double[] acc = new double[ROWS * TILE];
        for (int t = 0; t < tiles.length; t++) {
            double[][] w = tiles[t];
            int c0 = t * TILE;
            int width = Math.min(TILE, outputs - c0);
            for (int r = 0; r < n; r += ROWS) {
                // past the last row, the last row again: the same bits, at most three rows' extra work a product
                Arrays.fill(acc, 0);
                double[] xa = x[r];
                double[] xb = x[Math.min(r + 1, n - 1)];
                double[] xc = x[Math.min(r + 2, n - 1)];
                double[] xd = x[Math.min(r + 3, n - 1)];
                if (fused) {
                    fusedFourRows(w, xa, xb, xc, xd, acc);
                } else {
                    fourRows(w, xa, xb, xc, xd, acc);
                }
                for (int q = 0; q < ROWS && r + q < n; q++) {
                    System.arraycopy(acc, q * TILE, y[r + q], c0, width);
                }
            }
        }
        return y;
    }

    /**
     * Rows a to d through one tile, into {@code acc[0 ..]}, {@code acc[TILE ..]}, {@code acc[2 * TILE ..]} and
     * {@code acc[3 * TILE ..]}. Four inputs a pass, {@code fma(a3, w3, fma(a2, w2, fma(a1, w1, fma(a0, w0, y))))}:
     * one chain in input order, whichever rows go with it.
     */
    private void fusedFourRows(double[][] w, double[] xa, double[] xb, double[] xc, double[] xd, double[] acc) {
        int i = 0;
        for (; i + 4 <= inputs; i += 4) {
            double[] w0 = w[i];
            double[] w1 = w[i + 1];
            double[] w2 = w[i + 2];
            double[] w3 = w[i + 3];
            double a0 = xa[i];
            double a1 = xa[i + 1];
            double a2 = xa[i + 2];
            double a3 = xa[i + 3];
            double b0 = xb[i];
            double b1 = xb[i + 1];
            double b2 = xb[i + 2];
            double b3 = xb[i + 3];
            double c0 = xc[i];
            double c1 = xc[i + 1];
            double c2 = xc[i + 2];
            double c3 = xc[i + 3];
            double d0 = xd[i];
            double d1 = xd[i + 1];
            double d2 = xd[i + 2];
            double d3 = xd[i + 3];
            for (int c = 0; c < TILE; c++) {
                double e0 = w0[c];
                double e1 = w1[c];
                double e2 = w2[c];
                double e3 = w3[c];
                acc[c] = Math.fma(a3, e3, Math.fma(a2, e2, Math.fma(a1, e1, Math.fma(a0, e0, acc[c]))));
                acc[c + TILE] = Math.fma(b3, e3, Math.fma(b2, e2, Math.fma(b1, e1, Math.fma(b0, e0, acc[c + TILE]))));
                acc[c + 2 * TILE] = Math.fma(c3, e3, Math.fma(c2, e2, Math.fma(c1, e1,
                        Math.fma(c0, e0, acc[c + 2 * TILE]))));
                acc[c + 3 * TILE] = Math.fma(d3, e3, Math.fma(d2, e2, Math.fma(d1, e1,
                        Math.fma(d0, e0, acc[c + 3 * TILE]))));
            }
        }
        for (; i < inputs; i++) {
            double[] w0 = w[i];
            double a0 = xa[i];
            double b0 = xb[i];
            double c0 = xc[i];
            double d0 = xd[i];
            for (int c = 0; c < TILE; c++) {
                acc[c] = Math.fma(a0, w0[c], acc[c]);
                acc[c + TILE] = Math.fma(b0, w0[c], acc[c + TILE]);
                acc[c + 2 * TILE] = Math.fma(c0, w0[c], acc[c + 2 * TILE]);
                acc[c + 3 * TILE] = Math.fma(d0, w0[c], acc[c + 3 * TILE]);
            }
        }
    }

    /**
     * As {@link #fusedFourRows}, of products and sums, two inputs a pass, {@code (y + a0 w0) + a1 w1}: one chain of
     * additions in input order.
     */
    private void fourRows(double[][] w, double[] xa, double[] xb, double[] xc, double[] xd, double[] acc) {
        for (int i = 0; i + 2 <= inputs; i += 2) {
            double[] w0 = w[i];
            double[] w1 = w[i + 1];
            double a0 = xa[i];
            double a1 = xa[i + 1];
            double b0 = xb[i];
            double b1 = xb[i + 1];
            double c0 = xc[i];
            double c1 = xc[i + 1];
            double d0 = xd[i];
            double d1 = xd[i + 1];
            for (int c = 0; c < TILE; c++) {
                double e0 = w0[c];
                double e1 = w1[c];
                acc[c] = (acc[c] + a0 * e0) + a1 * e1;
                acc[c + TILE] = (acc[c + TILE] + b0 * e0) + b1 * e1;
                acc[c + 2 * TILE] = (acc[c + 2 * TILE] + c0 * e0) + c1 * e1;
                acc[c + 3 * TILE] = (acc[c + 3 * TILE] + d0 * e0) + d1 * e1;
            }
        }
        if (inputs % 2 != 0) {
            int i = inputs - 1;
            double[] w0 = w[i];
            for (int c = 0; c < TILE; c++) {
                acc[c] += xa[i] * w0[c];
                acc[c + TILE] += xb[i] * w0[c];
                acc[c + 2 * TILE] += xc[i] * w0[c];
                acc[c + 3 * TILE] += xd[i] * w0[c];
            }
        }
    }
}
