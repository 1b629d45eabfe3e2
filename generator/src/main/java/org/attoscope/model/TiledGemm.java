package org.attoscope.model;

import java.util.Arrays;

/**
 * {@link Gemm}'s product for a matrix of many outputs (the tied logits: 4,096 of them), with the same bits: each output
 * is the plain float dot product {@code (((0 + x0 w0) + x1 w1) + x2 w2) + ...}, in input order.
 *
 * <p>The weight is held in tiles of {@link #TILE} output columns, one array per input in each tile
 * ({@code tiles[t][k][c] = W[t * TILE + c][k]}, the last tile padded with zero weights), and a pair of rows adds into
 * one accumulator array, the second row at the constant distance {@code TILE}. With the inner loop's bound that same
 * constant, JDK 17's auto-vectoriser can see that the pair's accumulators never overlap and runs the loop in vectors
 * without {@link Gemm}'s second array; with a variable bound (a matrix's own width) the same loop stays scalar, which
 * is why the narrower matrices keep {@link Gemm}. Measured on the logits' shape (14 rows, 128 inputs, 4,096 outputs;
 * thread CPU time, alternating in one JVM): 24 to 30 GMAC/s against {@link Gemm}'s 18 to 23. Rows now go four a pass
 * at two inputs (the accumulators at distances {@code TILE}, {@code 2 TILE}, {@code 3 TILE}), the rest in pairs:
 * on attoGPT's 160 inputs (2026-12-02, one thread, the same bits) 60 to 67 GMAC/s for 32 or 448 rows, against 48
 * to 51 for pairs of four inputs and 38 for {@link Gemm}.
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
     * @param y n rows of {@code outputs} values, written
     */
    void multiply(float[] x, int n, float[] y) {
        float[] acc = new float[4 * TILE];
        for (int t = 0; t < tiles.length; t++) {
            int c0 = t * TILE;
            int width = Math.min(TILE, outputs - c0);
            int r = 0;
            for (; r + 4 <= n; r += 4) {
                Arrays.fill(acc, 0);
                fourRows(tiles[t], x, r * inputs, acc);
                for (int q = 0; q < 4; q++) {
                    System.arraycopy(acc, q * TILE, y, (r + q) * outputs + c0, width);
                }
            }
            for (; r < n; r += 2) {
                // an odd last row goes with itself: the same bits twice, for one row's extra work
                int second = Math.min(r + 1, n - 1);
                Arrays.fill(acc, 0, 2 * TILE, 0);
                rowPair(tiles[t], x, r * inputs, second * inputs, acc);
                System.arraycopy(acc, 0, y, r * outputs + c0, width);
                System.arraycopy(acc, TILE, y, second * outputs + c0, width);
            }
        }
    }

    /**
     * The four rows from {@code b0} of {@code x} through one tile, into {@code acc[q * TILE ..]}: each weight load
     * feeds four rows, two inputs a pass, {@code (a + x0 w0) + x1 w1}, the roundings of {@link #rowPair} in its order.
     */
    private void fourRows(float[][] w, float[] x, int b0, float[] acc) {
        int b1 = b0 + inputs;
        int b2 = b1 + inputs;
        int b3 = b2 + inputs;
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

    /** Rows at {@code b0} and {@code b1} of {@code x} through one tile, into {@code acc[0 ..]} and {@code acc[TILE ..]}. */
    private void rowPair(float[][] w, float[] x, int b0, int b1, float[] acc) {
        int k = 0;
        for (; k + 4 <= inputs; k += 4) {
            float[] w0 = w[k];
            float[] w1 = w[k + 1];
            float[] w2 = w[k + 2];
            float[] w3 = w[k + 3];
            float p0 = x[b0 + k];
            float q0 = x[b0 + k + 1];
            float r0 = x[b0 + k + 2];
            float s0 = x[b0 + k + 3];
            float p1 = x[b1 + k];
            float q1 = x[b1 + k + 1];
            float r1 = x[b1 + k + 2];
            float s1 = x[b1 + k + 3];
            for (int c = 0; c < TILE; c++) {
                float e0 = w0[c];
                float e1 = w1[c];
                float e2 = w2[c];
                float e3 = w3[c];
                acc[c] = (((acc[c] + p0 * e0) + q0 * e1) + r0 * e2) + s0 * e3;
                acc[c + TILE] = (((acc[c + TILE] + p1 * e0) + q1 * e1) + r1 * e2) + s1 * e3;
            }
        }
        for (; k < inputs; k++) {
            float[] w0 = w[k];
            float p0 = x[b0 + k];
            float p1 = x[b1 + k];
            for (int c = 0; c < TILE; c++) {
                acc[c] += p0 * w0[c];
                acc[c + TILE] += p1 * w0[c];
            }
        }
    }
}
