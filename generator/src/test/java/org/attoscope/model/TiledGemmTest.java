package org.attoscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tiled product gives Gemm's bits: every output the plain float dot product, term after term in input order. */
class TiledGemmTest {
    @Test
    void eachOutputIsThePlainFloatDotProductInInputOrder() {
        float[] w = {1, 2, 3, 0.1f, 0.2f, 0.3f};
        float[][] y = new float[1][2];
        new TiledGemm(w, 2, 3).multiply(new float[] {1, 1e8f, -1e8f}, 1, y);
        // (0 + 1*1) + 2e8 = 2e8 (the 1 is lost to rounding), then - 3e8 = -1e8: input order, float at every step
        assertEquals(((0f + 1f * 1f) + 2f * 1e8f) + 3f * -1e8f, y[0][0]);
        assertEquals(((0f + 0.1f * 1f) + 0.2f * 1e8f) + 0.3f * -1e8f, y[0][1]);
    }

    @Test
    void itHasGemmsBitsForAnyNumberOfRowsInputsAndOutputs() {
        Random random = new Random(7);
        for (int[] shape : new int[][] {{1, 5, 3}, {2, 128, 4096}, {7, 130, 1500}, {14, 128, 4096}, {3, 9, 2049}, {4, 161, 1024}, {6, 160, 4096}, {9, 7, 1025}}) {
            int n = shape[0];
            int in = shape[1];
            int out = shape[2];
            float[] w = new float[out * in];
            float[] x = new float[n * in];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (random.nextGaussian() * 3);
            }
            float[] expected = new float[n * out];
            Gemm.multiply(x, n, Gemm.transpose(w, out, in), expected);
            float[][] actual = new float[n][out];
            new TiledGemm(w, out, in).multiply(x, n, actual);
            for (int r = 0; r < n; r++) {
                assertArrayEquals(Arrays.copyOfRange(expected, r * out, (r + 1) * out), actual[r],
                        "row " + r + " of " + n + " rows of " + in + " inputs into " + out + " outputs");
            }
        }
    }
}
