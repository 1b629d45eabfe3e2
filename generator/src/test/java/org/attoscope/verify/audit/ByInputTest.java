package org.attoscope.verify.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByInputTest {
    /** A row-major matrix of {@code outputs} rows of {@code inputs} values, rows {@code from ..} of a larger one. */
    private static float[] matrix(int rows, int inputs, long seed) {
        Random r = new Random(seed);
        float[] w = new float[rows * inputs];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        return w;
    }

    @Test
    void eachRowIsOneChainOfFusedMultiplyAddsInInputOrder() {
        checkProduct(true);
    }

    @Test
    void withoutAFusedMultiplyAddEachRowIsOneChainOfProductsAndSums() {
        checkProduct(false);
    }

    private static void checkProduct(boolean fused) {
        // sizes off every step of the kernels: inputs past a multiple of four and of two, outputs past one tile (the
        // last one part full), a group of four rows then three
        int inputs = 7;
        int outputs = 300;
        int from = 2;
        float[] w = matrix(from + outputs, inputs, 1);
        ByInput m = ByInput.of(w, from, outputs, inputs, fused);
        assertEquals(inputs, m.inputs());
        assertEquals(outputs, m.outputs());
        Random r = new Random(2);
        double[][] x = new double[7][inputs];
        for (double[] row : x) {
            for (int i = 0; i < inputs; i++) {
                row[i] = r.nextGaussian();
            }
        }
        double[][] y = m.times(x);
        for (int row = 0; row < x.length; row++) {
            double[] expected = new double[outputs];
            for (int o = 0; o < outputs; o++) {
                for (int i = 0; i < inputs; i++) {
                    double weight = w[(from + o) * inputs + i];
                    expected[o] = fused ? Math.fma(x[row][i], weight, expected[o]) : expected[o] + x[row][i] * weight;
                }
            }
            assertArrayEquals(expected, y[row], 0.0, "one chain in input order");
        }
        for (int row = 0; row < x.length; row++) {
            assertArrayEquals(y[row], m.times(x[row]), 0.0, "one row alone gives the bits it gets in a batch");
        }
    }

    @Test
    void rowsKeptFromAnEarlierBatchAreOverwrittenWithTheSameBitsAFreshProductGives() {
        int inputs = 5;
        int outputs = 170;
        ByInput m = ByInput.of(matrix(outputs, inputs, 4), 0, outputs, inputs);
        double[][] x = {{1, -2, 0.5, 3, -1}, {0.25, 0, -4, 2, 1}};
        double[][] kept = new double[3][outputs];
        for (double[] row : kept) {
            Arrays.fill(row, Double.NaN);
        }
        double[][] y = m.times(x, kept);
        assertSame(kept, y, "the product is written into the rows it was given");
        double[][] fresh = m.times(x);
        assertArrayEquals(fresh[0], y[0], 0.0);
        assertArrayEquals(fresh[1], y[1], 0.0);
        assertEquals(Double.NaN, y[2][0], "a row past the batch is left as it was");
        assertThrows(IllegalArgumentException.class, () -> m.times(x, new double[1][outputs]), "too few rows");
        assertThrows(IllegalArgumentException.class, () -> m.times(x, new double[2][outputs - 1]), "rows too short");
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        ByInput m = ByInput.of(matrix(4, 3, 3), 0, 4, 3);
        assertThrows(IllegalArgumentException.class, () -> m.times(new double[2]));
    }
}
