package org.attoscope.verify.audit;

import java.util.Arrays;
import org.attoscope.util.FusedMultiplyAdd;

/**
 * The verifier's softmax normaliser, {@code sum exp(logit - max)} over a row of logits, in a form the JIT turns into
 * vector instructions: {@link Math#exp} is one call per word, and a verifier's point needs some 57,000 of them (the
 * main row and 13 re-runs of 4,096 words). Written apart from the engine's normalisers.
 *
 * <p>Each term is {@code exp(d) = exp(d / 128)^128} for {@code d = logit - max} in [-64, 0]: exp of {@code |r| <= 1/2}
 * by its Taylor series to {@code r^13} (truncation under 7e-16 relative), then seven squarings, which multiply the
 * relative error by 128 (at most 1.4e-13 a term, at d = -64). A term below {@code e^-64} (under 2e-28, next to the largest term, 1) is taken as
 * {@code e^-64}. With the sum's own rounding (4,096 terms, at most 4.6e-13) the normaliser is within 1e-12 of the
 * exact one, relative (see {@code PlainExpTest}), where the verifier compares probabilities to 1e-5. Where the
 * processor has a fused multiply-add ({@link FusedMultiplyAdd}), the polynomial is evaluated with them.
 */
final class PlainExp {
    private static final double FLOOR = -64;
    private static final double SCALE = 0x1p-7;
    /** Partial sums, each over every 32nd term: independent additions for the vector units, in a fixed order. */
    private static final int LANES = 32;

    private final double[] terms;
    private final double[] lanes = new double[LANES];
    private final int[] left;
    private final boolean fused;

    /**
     * @param size the length of every row
     * @param left the ids whose terms the sum leaves out
     */
    PlainExp(int size, int[] left) {
        this(size, left, FusedMultiplyAdd.inHardware());
    }

    /** As {@link #PlainExp(int, int[])}, with the polynomial in fused multiply-adds or in products and sums. */
    PlainExp(int size, int[] left, boolean fused) {
        this.terms = new double[size];
        this.left = left.clone();
        this.fused = fused;
    }

    /** {@code sum exp(row[i] - max)} over the ids not left out; each kept {@code row[i] <= max}. */
    double normaliser(double[] row, double max) {
        double[] e = terms;
        int n = e.length;
        if (fused) {
            fusedTerms(row, max, e);
        } else {
            terms(row, max, e);
        }
        for (int id : left) {
            e[id] = 0;
        }
        double[] s = lanes;
        Arrays.fill(s, 0);
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            for (int j = 0; j < LANES; j++) {
                s[j] += e[i + j];
            }
        }
        double sum = 0;
        for (double lane : s) {
            sum += lane;
        }
        for (; i < n; i++) {
            sum += e[i];
        }
        return sum;
    }

    /** Each term, the polynomial in products and sums. */
    private static void terms(double[] row, double max, double[] e) {
        int n = e.length;
        for (int i = 0; i < n; i++) {
            // the ids left out may lie above max: clamped into range, their terms are then set to 0
            double r = Math.min(Math.max(row[i] - max, FLOOR), 0) * SCALE;
            double y = 1 + r * (1 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720
                    + r * (1.0 / 5040 + r * (1.0 / 40320 + r * (1.0 / 362880 + r * (1.0 / 3628800
                    + r * (1.0 / 39916800 + r * (1.0 / 479001600 + r * (1.0 / 6227020800.0)))))))))))));
            e[i] = toThe128th(y);
        }
    }

    /**
     * Each term, the polynomial in fused multiply-adds: 13 operations where products and sums take 26, and one rounding
     * a step instead of two. A row of 4,096 took 4.8 to 5.7 us against 6.9 to 8.3 (2026-12-03, one thread).
     */
    private static void fusedTerms(double[] row, double max, double[] e) {
        int n = e.length;
        for (int i = 0; i < n; i++) {
            // the ids left out may lie above max: clamped into range, their terms are then set to 0
            double r = Math.min(Math.max(row[i] - max, FLOOR), 0) * SCALE;
            double y = Math.fma(r, 1.0 / 6227020800.0, 1.0 / 479001600);
            y = Math.fma(r, y, 1.0 / 39916800);
            y = Math.fma(r, y, 1.0 / 3628800);
            y = Math.fma(r, y, 1.0 / 362880);
            y = Math.fma(r, y, 1.0 / 40320);
            y = Math.fma(r, y, 1.0 / 5040);
            y = Math.fma(r, y, 1.0 / 720);
            y = Math.fma(r, y, 1.0 / 120);
            y = Math.fma(r, y, 1.0 / 24);
            y = Math.fma(r, y, 1.0 / 6);
            y = Math.fma(r, y, 1.0 / 2);
            y = Math.fma(r, y, 1);
            y = Math.fma(r, y, 1);
            e[i] = toThe128th(y);
        }
    }

    /** {@code y^128}, seven squarings: {@code exp(r)^128 = exp(128 r)} undoes the argument's scaling by 2^-7. */
    private static double toThe128th(double y) {
        double p2 = y * y;
        double p4 = p2 * p2;
        double p8 = p4 * p4;
        double p16 = p8 * p8;
        double p32 = p16 * p16;
        double p64 = p32 * p32;
        return p64 * p64;
    }
}
