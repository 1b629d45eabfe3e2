package org.attoscope.verify.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainExpTest {
    private static final int WORDS = 4096;

    /** The normaliser as written in the definition: one Math.exp per kept word, summed in id order. */
    private static double byDefinition(double[] row, double max, int... left) {
        double sum = 0;
        next:
        for (int i = 0; i < row.length; i++) {
            for (int id : left) {
                if (id == i) {
                    continue next;
                }
            }
            sum += Math.exp(row[i] - max);
        }
        return sum;
    }

    /** Each case runs with the polynomial in fused multiply-adds (true) and in products and sums (false). */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theNormaliserOfARowOfLogitsIsWithinOneInATrillionOfTheSumOfItsExps(boolean fused) {
        Random r = new Random(7);
        PlainExp exp = new PlainExp(WORDS, new int[] {0, 1, 2}, fused);
        for (double spread : new double[] {0.5, 3, 10, 40}) {
            double[] row = new double[WORDS];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < WORDS; i++) {
                row[i] = r.nextGaussian() * spread;
                if (i > 2) {
                    max = Math.max(max, row[i]);
                }
            }
            double exact = byDefinition(row, max, 0, 1, 2);
            double fast = exp.normaliser(row, max);
            assertTrue(Math.abs(fast - exact) <= 1e-12 * exact, "spread " + spread + ": " + fast + " against " + exact);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void eachTermAgreesWithMathExpAcrossItsRange(boolean fused) {
        // one word of value d with every other word far below: the sum is exp(d) plus terms under 1e-24
        PlainExp exp = new PlainExp(WORDS, new int[0], fused);
        for (double d = -64; d <= 0; d += 0.0625) {
            double[] row = new double[WORDS];
            Arrays.fill(row, -1000);
            row[17] = d;
            double fast = exp.normaliser(row, 0);
            double exact = Math.exp(d) + (WORDS - 1) * Math.exp(-64);
            // at d = -64, r = -1/2: the truncation (7e-16) times 128 is the largest error, about 1.4e-13
            assertEquals(exact, fast, 2e-13 * exact, "d = " + d);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void wordsLeftOutAddNothingEvenAboveTheMaximum(boolean fused) {
        PlainExp exp = new PlainExp(WORDS, new int[] {0, 1, 2}, fused);
        double[] row = new double[WORDS];
        Arrays.fill(row, -1000);
        row[0] = 500; // an excluded word far above the kept maximum
        row[1] = Double.POSITIVE_INFINITY;
        row[3] = 2;
        double fast = exp.normaliser(row, 2);
        assertEquals(1 + (WORDS - 4) * Math.exp(-64), fast, 1e-15);
    }
}
