package org.attoscope.trace;

import java.util.Arrays;
import java.util.List;
import org.attoscope.model.Tokenizer;
import org.attoscope.util.FusedMultiplyAdd;
import org.attoscope.util.FdlibmExp;

/**
 * The targets' probabilities under one re-run's logits, rounded as FORMATS.md section 3.1 publishes them
 * ({@link Explanations#prob}), without the exact normaliser whenever the rounding does not need it.
 *
 * <p>A link drop publishes only a few probabilities to 5 decimals, yet its exact {@link NextTokenDistribution} sums
 * 4,096 exponentials with fdlibm's exp, whose final scaling by 2^k does not vectorise. Here the normaliser is summed
 * from a plain polynomial exp instead, a loop the JIT vectorises, with a proven bound on how far it can be from the
 * exact one (see {@link #TOLERANCE}). The numerators are the exact ones. A rounded probability is kept only when every
 * value the exact normaliser could give rounds to the same 5 decimals; otherwise (or when the maximum is not plainly
 * found) the whole row falls back to the exact distribution. So the published numbers are those of the exact
 * distribution, bit for bit, and the fallback is rare (a probability would have to lie within about 1e-5 of its own
 * size from a rounding boundary).
 */
final class RerunProbabilities {
    /**
     * A bound, with a wide margin, on the relative difference between {@link #fastNormaliser} and the exact one. Each
     * term: the degree-12 Taylor polynomial on |r| <= 0.35 is exact to 4e-16, a few roundings in its evaluation, and
     * eight squarings multiply a relative error by 256 (about 3e-13 in all); either sum of 4,096 positive terms adds at
     * most 4096 * 2^-53 = 4.5e-13 of rounding; arguments clamped at -88 change the sum by under 4096 e^-88, nothing
     * next to its largest term, 1. That is under 1.3e-12 between the two; 1e-10 leaves room for the rounding of the
     * division and of the scaling by 1e5 as well.
     */
    static final double TOLERANCE = 1e-10;
    /** Below this, exp(x) (under 6e-39) is taken as exp(-88): the clamp keeps x / 256 inside the polynomial's range. */
    private static final double FLOOR = -88;
    /** Lanes of partial sums: enough independent adds for the vector units, a fixed order for fixed bits. */
    private static final int LANES = 64;

    private final Tokenizer tokenizer;
    private final double[] terms;
    private final double[] lanes = new double[LANES];
    private final boolean fused;

    RerunProbabilities(Tokenizer tokenizer) {
        this(tokenizer, FusedMultiplyAdd.inHardware());
    }

    /** As {@link #RerunProbabilities(Tokenizer)}, with the normaliser's polynomial in fused multiply-adds or not. */
    RerunProbabilities(Tokenizer tokenizer, boolean fused) {
        this.tokenizer = tokenizer;
        this.terms = new double[tokenizer.size()];
        this.fused = fused;
    }

    /** Each target's probability under {@code logits}, rounded to 5 decimals, exactly as the exact distribution's. */
    List<Double> of(float[] logits, int[] targets) {
        float max = plainMax(logits);
        if (Float.isNaN(max)) {
            return exact(logits, targets);
        }
        double denom = fastNormaliser(logits, max);
        Double[] out = new Double[targets.length];
        for (int t = 0; t < targets.length; t++) {
            out[t] = roundedOrNull(logits, targets[t], max, denom);
            if (out[t] == null) {
                return exact(logits, targets);
            }
        }
        return List.of(out);
    }

    /**
     * The {@code n} most probable tokens under {@code logits} with their rounded probabilities, then the targets'
     * rounded probabilities, as one list of {@code n + targets.length} ids' values; {@code ids} receives the n tokens.
     * The tokens are chosen on logits, ties to the lower id, as {@link NextTokenDistribution#top} chooses them.
     */
    List<Double> ranked(float[] logits, int n, int[] targets, int[] ids) {
        int size = topIds(logits, n, ids);
        int[] all = new int[size + targets.length];
        System.arraycopy(ids, 0, all, 0, size);
        System.arraycopy(targets, 0, all, size, targets.length);
        return of(logits, all);
    }

    /** {@link NextTokenDistribution#top}'s selection: the n largest kept logits, largest first, ties to the lower id. */
    private int topIds(float[] logits, int n, int[] best) {
        int size = 0;
        float nth = Float.NaN;
        for (int i = 0; i < logits.length; i++) {
            float l = logits[i];
            if (size == n && !(l > nth)) {
                continue;
            }
            if (tokenizer.isExcludedFromPredictions(i)) {
                continue;
            }
            int pos = size;
            while (pos > 0 && l > logits[best[pos - 1]]) {
                pos--;
            }
            if (pos >= n) {
                continue;
            }
            int last = Math.min(size, n - 1);
            System.arraycopy(best, pos, best, pos + 1, last - pos);
            best[pos] = i;
            if (size < n) {
                size++;
            }
            if (size == n) {
                nth = logits[best[n - 1]];
            }
        }
        return size;
    }

    private List<Double> exact(float[] logits, int[] targets) {
        NextTokenDistribution dist = new NextTokenDistribution(logits, tokenizer);
        Double[] out = new Double[targets.length];
        for (int t = 0; t < targets.length; t++) {
            out[t] = Explanations.prob(dist.prob(targets[t]));
        }
        return List.of(out);
    }

    /**
     * The largest logit, when no excluded id holds it (then it is the largest the distribution keeps, the value
     * {@link NextTokenDistribution} divides by); NaN otherwise, so the row takes the exact path.
     */
    private float plainMax(float[] logits) {
        float m = Float.NEGATIVE_INFINITY;
        for (float l : logits) {
            if (l > m) {
                m = l;
            }
        }
        if (!(logits[tokenizer.padId()] < m && logits[tokenizer.bosId()] < m && logits[tokenizer.unkId()] < m)) {
            return Float.NaN;
        }
        return m;
    }

    /** The sum of exp(logit - max) over the kept ids, within {@link #TOLERANCE} of the exact distribution's. */
    private double fastNormaliser(float[] logits, double max) {
        double[] e = terms;
        int v = logits.length;
        // widening to double in a loop of its own: a loop that mixes float and double arrays does not vectorise
        for (int i = 0; i < v; i++) {
            e[i] = logits[i] - max;
        }
        if (fused) {
            fusedTerms(e, v);
        } else {
            terms(e, v);
        }
        e[tokenizer.padId()] = 0;
        e[tokenizer.bosId()] = 0;
        e[tokenizer.unkId()] = 0;
        double[] s = lanes;
        Arrays.fill(s, 0);
        int i = 0;
        for (; i + LANES <= v; i += LANES) {
            for (int j = 0; j < LANES; j++) {
                s[j] += e[i + j];
            }
        }
        double total = 0;
        for (; i < v; i++) {
            total += e[i];
        }
        for (double lane : s) {
            total += lane;
        }
        return total;
    }

    /** Each {@code e[i] = exp(e[i])}, the polynomial in products and sums. */
    private static void terms(double[] e, int v) {
        for (int i = 0; i < v; i++) {
            double r = Math.max(e[i], FLOOR) * 0x1p-8;
            // exp(r), |r| <= 0.344, by its Taylor series to r^12 (Horner), then raised to the 256th power
            double y = 1 + r * (1 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720
                    + r * (1.0 / 5040 + r * (1.0 / 40320 + r * (1.0 / 362880 + r * (1.0 / 3628800 + r * (1.0 / 39916800
                    + r * (1.0 / 479001600))))))))))));
            e[i] = toThe256th(y);
        }
    }

    /**
     * As {@link #terms}, the polynomial in fused multiply-adds: 12 operations where products and sums take 24, and
     * fewer roundings, so {@link #TOLERANCE}'s bound holds for both.
     */
    private static void fusedTerms(double[] e, int v) {
        for (int i = 0; i < v; i++) {
            double r = Math.max(e[i], FLOOR) * 0x1p-8;
            double y = Math.fma(r, 1.0 / 479001600, 1.0 / 39916800);
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
            e[i] = toThe256th(y);
        }
    }

    /** {@code y^256}, eight squarings: {@code exp(r)^256 = exp(256 r)} undoes the argument's scaling by 2^-8. */
    private static double toThe256th(double y) {
        double p2 = y * y;
        double p4 = p2 * p2;
        double p8 = p4 * p4;
        double p16 = p8 * p8;
        double p32 = p16 * p16;
        double p64 = p32 * p32;
        double p128 = p64 * p64;
        return p128 * p128;
    }

    /**
     * {@link Explanations#prob} of the exact probability, when the interval of values the exact normaliser allows
     * rounds to one number; null when it straddles a rounding boundary.
     */
    private Double roundedOrNull(float[] logits, int id, double max, double denom) {
        if (tokenizer.isExcludedFromPredictions(id)) {
            return Explanations.prob(0);
        }
        double scaled = FdlibmExp.exp(logits[id] - max) / denom * 1e5;
        double k = Math.rint(scaled);
        if (scaled * (1 + TOLERANCE) < k + 0.5 && scaled * (1 - TOLERANCE) > k - 0.5) {
            return k / 1e5;
        }
        return null;
    }
}
