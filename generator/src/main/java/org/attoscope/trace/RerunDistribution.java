package org.attoscope.trace;

import java.util.ArrayList;
import java.util.List;
import org.attoscope.model.Tokenizer;

/**
 * The next-token distribution of a re-run point (FORMATS.md section 3.1), under the rule of section 3: temperature 1
 * over the vocabulary less {@code <pad>}, {@code <bos>}, {@code <unk>}.
 *
 * <p>An explained point has up to 13 of these, each a sum of exponentials over the whole vocabulary, so they cost
 * as much as the dense layers. They are only ever written to 5 decimals, so {@link #exp} is a short polynomial
 * (relative error below 1e-10) instead of fdlibm's exact one; it is plain double arithmetic, so the bits are still
 * the same on every machine and thread.
 */
final class RerunDistribution {
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2 = 0.6931471805599453;

    private final float[] logits;
    private final Tokenizer tokenizer;
    private final double max;
    private final double denom;

    RerunDistribution(float[] logits, Tokenizer tokenizer) {
        this.logits = logits;
        this.tokenizer = tokenizer;
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] > m && !tokenizer.isExcludedFromPredictions(i)) {
                m = logits[i];
            }
        }
        double d = 0;
        for (int i = 0; i < logits.length; i++) {
            if (!tokenizer.isExcludedFromPredictions(i)) {
                d += exp(logits[i] - m);
            }
        }
        this.max = m;
        this.denom = d;
    }

    double prob(int id) {
        return tokenizer.isExcludedFromPredictions(id) ? 0 : exp(logits[id] - max) / denom;
    }

    /** The n most probable tokens, most probable first; of equal logits the lower id, as in section 3. */
    List<Prediction> top(int n) {
        int[] best = new int[n];
        int size = 0;
        for (int i = 0; i < logits.length; i++) {
            if (tokenizer.isExcludedFromPredictions(i)) {
                continue;
            }
            float l = logits[i];
            int pos = size;
            while (pos > 0 && l > logits[best[pos - 1]]) {
                pos--;
            }
            if (pos >= n) {
                continue;
            }
            System.arraycopy(best, pos, best, pos + 1, Math.min(size, n - 1) - pos);
            best[pos] = i;
            if (size < n) {
                size++;
            }
        }
        List<Prediction> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Prediction(best[i], tokenizer.word(best[i]), prob(best[i])));
        }
        return out;
    }

    /**
     * e^x for x at most 0: x = k ln 2 + r with |r| at most ln2 / 2, e^r by its Taylor series to r^11 (truncation
     * below 1e-14 of the value), times 2^k; 0 below -700, where a term is far below what 5 decimals show.
     */
    static double exp(double x) {
        if (x < -700) {
            return 0;
        }
        double k = Math.rint(x * LOG2E);
        double r = x - k * LN2;
        double p = 1 + r * (1 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720
                + r * (1.0 / 5040 + r * (1.0 / 40320 + r * (1.0 / 362880 + r * (1.0 / 3628800 + r * (1.0 / 39916800)))))))))));
        return p * Double.longBitsToDouble((long) (k + 1023) << 52);
    }
}
