package org.attoscope.model;

import java.util.Arrays;

/**
 * {@link Gemm}'s product for a matrix of many outputs (the tied logits: 4,096 of them), with the same bits: each output
 * is the plain float dot product {@code (((0 + x0 w0) + x1 w1) + x2 w2) + ...}, in input order.
 *
 * <p>The weight is held in tiles of {@link #TILE} output columns, one array per input in each tile
 * ({@code tiles[t][k][c] = W[t * TILE + c][k]}, the last tile padded with zero weights), and four rows add into one
 * accumulator array, at the constant distances {@code TILE}, {@code 2 TILE} and {@code 3 TILE}, two inputs a pass.
 * With the inner loop's bound that same constant, JDK 17's auto-vectoriser can see that the rows' accumulators never
 * overlap and runs the loop in vectors without {@link Gemm}'s second array; with a variable bound (a matrix's own
 * width) the same loop stays scalar, which is why the narrower matrices keep {@link Gemm}. Measured on attoGPT's 160
 * inputs (2026-12-02, one thread, the same bits): 60 to 67 GMAC/s for 32 or 448 rows, against 48 to 51 for pairs of
 * rows at four inputs a pass (the earlier loop) and 38 for {@link Gemm}.
 */
final class TiledGemm {
    /**
     * Output columns per tile: the tile's weights (640 KB for attoGPT's 160 inputs) stay in L2, four rows'
     * accumulators (16 KB) in L1.
     */
    static final int TILE = 1024;

    private final float[][][] tiles;
    private final int inputs;
    private final int outputs;

    /** {@code W} [outputs][inputs], row-major. */
    TiledGemm(float[] w, int outputs, int inputs) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.tiles = new float[(outputs + TILE - 1) / TILE][inputs][TILE];
        for (int j = 0; j < outputs; j++) {
            float[][] tile = tiles[j / TILE];
            for (int k = 0; k < inputs; k++) {
                tile[k][j % TILE] = w[j * inputs + k];
            }
        }
    }

    /**
     * @param x n rows of {@code inputs} values, row-major
     * @param y n rows of {@code outputs} values, written: one array a row, since the rows of a batch of logits in one
     *          array (16 KB a row) would be a humongous object to G1 from 32 rows on, and G1 starts a marking cycle at
     *          such an allocation whenever the old generation is past its threshold
     */
    void multiply(float[] x, int n, float[][] y) {
        float[] acc = new float[4 * TILE];
        for (int t = 0; t < tiles.length; t++) {
            int c0 = t * TILE;
            int width = Math.min(TILE, outputs - c0);
            for (int r = 0; r < n; r += 4) {
                // past the last row, the last row again: the same bits, at most three rows' extra work a product
                int b0 = r * inputs;
                int b1 = Math.min(r + 1, n - 1) * inputs;
                int b2 = Math.min(r + 2, n - 1) * inputs;
                int b3 = Math.min(r + 3, n - 1) * inputs;
                Arrays.fill(acc, 0);
                fourRows(tiles[t], x, b0, b1, b2, b3, acc);
                for (int q = 0; q < 4 && r + q < n; q++) {
                    System.arraycopy(acc, q * TILE, y[r + q], c0, width);
                }
            }
        }
    }

    /**
     * The rows of {@code x} at {@code b0} to {@code b3} through one tile, into {@code acc[q * TILE ..]}: each weight
     * load feeds four rows, two inputs a pass, {@code (a + x0 w0) + x1 w1}, which rounds term after term in input
     * order as {@link Gemm} does.
     */
    private void fourRows(float[][] w, float[] x, int b0, int b1, int b2, int b3, float[] acc) {
        int k = 0;
        for (; k + 2 <= inputs; k += 2) {
            float[] w0 = w[k];
            float[] w1 = w[k + 1];
            float p0 = x[b0 + k];
            float q0 = x[b0 + k + 1];
            float p1 = x[b1 + k];
            float q1 = x[b1 + k + 1];
            float p2 = x[b2 + k];
            float q2 = x[b2 + k + 1];
            float p3 = x[b3 + k];
            float q3 = x[b3 + k + 1];
            for (int c = 0; c < TILE; c++) {
                float e0 = w0[c];
                float e1 = w1[c];
                acc[c] = (acc[c] + p0 * e0) + q0 * e1;
                acc[c + TILE] = (acc[c + TILE] + p1 * e0) + q1 * e1;
                acc[c + 2 * TILE] = (acc[c + 2 * TILE] + p2 * e0) + q2 * e1;
                acc[c + 3 * TILE] = (acc[c + 3 * TILE] + p3 * e0) + q3 * e1;
            }
        }
        for (; k < inputs; k++) {
            float[] w0 = w[k];
            for (int c = 0; c < TILE; c++) {
                acc[c] += x[b0 + k] * w0[c];
                acc[c + TILE] += x[b1 + k] * w0[c];
                acc[c + 2 * TILE] += x[b2 + k] * w0[c];
                acc[c + 3 * TILE] += x[b3 + k] * w0[c];
            }
        }
    }
}
