package org.attoscope.verify.audit;

import java.util.Arrays;

/**
 * A weight matrix {@code W} [outputs][inputs] kept for the verifier by input, in tiles of columns
 * ({@code tiles[t][i][c] = W[t * TILE + c][i]}), and the product of rows of inputs with it:
 * {@code y[r][o] = sum_i x[r][i] W[o][i]}.
 *
 * <p>The product is written as additions of scaled weight rows into output rows, indexed by the bare column counter
 * in the innermost loop, the form JDK 17's auto-vectoriser turns into vector instructions (a dot product's running
 * sum stays scalar). Everything is double (the float weights are exact in double), and each output is one chain of
 * additions in input order, two inputs a pass: {@code (y + a0 w0) + a1 w1}. The order is this class's own; it agrees
 * with any other order to far below the verifier's tolerances, not bit for bit, and it is the same whether a row goes
 * alone or with others.
 *
 * <p>Measured on JDK 17 (AVX-512, the logits' shape: 4,096 outputs of 160 inputs), per thread: two rows a pass, into
 * one accumulator array at a constant distance, 12.5 to 14 GMAC/s; one row a pass, 9 to 10; two rows stored into
 * two arrays in one loop, 4.5, the same as with the vectoriser off (two arrays might be one, so their loads and
 * stores may not be reordered). Eight inputs a pass measured slower still. Rows now go four a pass, two inputs each
 * (a short last group repeats the last row): on 64 rows (2026-12-02, one thread, the same bits) 22 to 27 GMAC/s on
 * 160 by 160, 22 to 27.5 on 640 outputs of 160, 23 to 28.5 on 160 outputs of 640 and 19 to 21.5 on the logits
 * against two rows of four inputs a pass; four rows of four inputs is past what C2 vectorises (5.5).
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

    private final double[][][] tiles;
    private final int inputs;
    private final int outputs;

    private ByInput(double[][][] tiles, int inputs, int outputs) {
        this.tiles = tiles;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /**
     * Rows {@code from .. from + outputs} of a row-major float matrix of {@code inputs} columns.
     */
    static ByInput of(float[] w, int from, int outputs, int inputs) {
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
        return new ByInput(tiles, inputs, outputs);
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
        double[] acc = new double[4 * TILE];
        for (int t = 0; t < tiles.length; t++) {
            double[][] w = tiles[t];
            int c0 = t * TILE;
            int width = Math.min(TILE, outputs - c0);
            for (int r = 0; r < n; r += 4) {
                // past the last row, the last row again: the same bits, at most three rows' extra work a product
                Arrays.fill(acc, 0);
                fourRows(w, x[r], x[Math.min(r + 1, n - 1)], x[Math.min(r + 2, n - 1)], x[Math.min(r + 3, n - 1)], acc);
                for (int q = 0; q < 4 && r + q < n; q++) {
                    System.arraycopy(acc, q * TILE, y[r + q], c0, width);
                }
            }
        }
        return y;
    }

    /**
     * Rows a to d through one tile, into {@code acc[0 ..]}, {@code acc[TILE ..]}, {@code acc[2 * TILE ..]} and
     * {@code acc[3 * TILE ..]}: each weight load feeds four rows. Two inputs a pass, {@code (y + a0 w0) + a1 w1}: one
     * chain of additions in input order, whichever rows go with it.
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
