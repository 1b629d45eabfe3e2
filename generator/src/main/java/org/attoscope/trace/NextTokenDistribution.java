package org.attoscope.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.attoscope.model.Tokenizer;
import org.attoscope.util.FdlibmExp;

/**
 * The next-token distribution at temperature 1 over the vocabulary less {@code <pad>}, {@code <bos>}, {@code <unk>},
 * renormalised without them.
 *
 * <p>exp is strictly increasing over the logits a float32 model produces, so probabilities order exactly as
 * logits do: the top-n is chosen on logits (ties to the lower id, as the published model does) and only the
 * normaliser needs every exponential.
 */
public final class NextTokenDistribution {
    /** Rows whose normalisers are summed side by side: four independent chains of adds instead of one. */
    private static final int LANES = 4;
    /** An argument {@link FdlibmExp#finish} takes on its fast path. */
    private static final double GENERAL_PATH = -2;

    private final float[] logits;
    private final Tokenizer tokenizer;
    private final double max;
    private final double denom;

    public NextTokenDistribution(float[] logits, Tokenizer tokenizer) {
        this(of(List.of(logits), tokenizer).get(0));
    }

    private NextTokenDistribution(NextTokenDistribution d) {
        this(d.logits, d.tokenizer, d.max, d.denom);
    }

    private NextTokenDistribution(float[] logits, Tokenizer tokenizer, double max, double denom) {
        this.logits = logits;
        this.tokenizer = tokenizer;
        this.max = max;
        this.denom = denom;
    }

    /**
     * The distributions of many rows of logits, each with exactly the bits {@link #NextTokenDistribution(float[],
     * Tokenizer)} gives it. A normaliser is a sum of 4,096 exponentials in vocabulary order, one dependent add after
     * another; summing four rows in one loop lets those chains overlap instead of waiting on each other.
     */
    public static List<NextTokenDistribution> of(List<float[]> rows, Tokenizer tokenizer) {
        double[] maxima = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            maxima[r] = max(rows.get(r), tokenizer);
        }
        double[] denoms = normalisers(rows, tokenizer, maxima);
        List<NextTokenDistribution> out = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            out.add(new NextTokenDistribution(rows.get(r), tokenizer, maxima[r], denoms[r]));
        }
        return out;
    }

    /** Compared as floats, the logits' own type, so the scan converts nothing; the maximum is exact either way. */
    private static double max(float[] logits, Tokenizer tokenizer) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] > m && !tokenizer.isExcludedFromPredictions(i)) {
                m = logits[i];
            }
        }
        return m;
    }

    /**
     * Sum over the vocabulary, in id order, of {@code exp(logit - max)}, the excluded ids left out. They are set to
     * -infinity instead of skipped: exp gives +0, and adding +0 to a sum of positive terms leaves its bits alone. The
     * exponentials' vectorised part runs row by row ({@link FdlibmExp#reduce}); their last step
     * ({@link FdlibmExp#finish}) runs inside the summing loop, where its scalar bit operations fill the time each lane
     * waits on its previous add.
     */
    private static double[] normalisers(List<float[]> rows, Tokenizer tokenizer, double[] maxima) {
        int v = rows.get(0).length;
        double[][] x = new double[LANES][v];
        double[][] y = new double[LANES][v];
        double[][] k = new double[LANES][v];
        for (double[] unused : x) {
            // a lane no row fills yet still runs through the summing loop: on the general path its y of 0 gives 0
            Arrays.fill(unused, GENERAL_PATH);
        }
        double[] out = new double[rows.size()];
        for (int g = 0; g < rows.size(); g += LANES) {
            int lanes = Math.min(LANES, rows.size() - g);
            for (int r = 0; r < lanes; r++) {
                float[] l = rows.get(g + r);
                double m = maxima[g + r];
                double[] xr = x[r];
                for (int i = 0; i < v; i++) {
                    xr[i] = l[i] - m;
                }
                xr[tokenizer.padId()] = Double.NEGATIVE_INFINITY;
                xr[tokenizer.bosId()] = Double.NEGATIVE_INFINITY;
                xr[tokenizer.unkId()] = Double.NEGATIVE_INFINITY;
                FdlibmExp.reduce(xr, y[r], k[r], v);
            }
            double[] x0 = x[0];
            double[] x1 = x[1];
            double[] x2 = x[2];
            double[] x3 = x[3];
            double[] y0 = y[0];
            double[] y1 = y[1];
            double[] y2 = y[2];
            double[] y3 = y[3];
            double[] k0 = k[0];
            double[] k1 = k[1];
            double[] k2 = k[2];
            double[] k3 = k[3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < v; i++) {
                s0 += FdlibmExp.finish(x0[i], y0[i], k0[i]);
                s1 += FdlibmExp.finish(x1[i], y1[i], k1[i]);
                s2 += FdlibmExp.finish(x2[i], y2[i], k2[i]);
                s3 += FdlibmExp.finish(x3[i], y3[i], k3[i]);
            }
            double[] sums = {s0, s1, s2, s3};
            System.arraycopy(sums, 0, out, g, lanes);
        }
        return out;
    }

    public double prob(int id) {
        if (tokenizer.isExcludedFromPredictions(id)) {
            return 0;
        }
        return FdlibmExp.exp(logits[id] - max) / denom;
    }

    /** The n most probable tokens, most probable first. */
    public List<Prediction> top(int n) {
        int[] best = new int[n];
        float[] bestLogit = new float[n]; // best's logits, so the insertion compares without looking them up
        int size = 0;
        // until n are in, every kept logit gets in; after that, only one above the n-th best (held in a local, so
        // the scan over the vocabulary compares against a register instead of loading it from the array)
        float nth = Float.NaN;
        for (int i = 0; i < logits.length; i++) {
            float l = logits[i];
            if (!(l > nth) && size == n) {
                continue;
            }
            if (tokenizer.isExcludedFromPredictions(i)) {
                continue;
            }
            int pos = size;
            while (pos > 0 && l > bestLogit[pos - 1]) {
                pos--;
            }
            for (int j = Math.min(size, n - 1); j > pos; j--) {
                best[j] = best[j - 1];
                bestLogit[j] = bestLogit[j - 1];
            }
            best[pos] = i;
            bestLogit[pos] = l;
            if (size < n) {
                size++;
            }
            if (size == n) {
                nth = bestLogit[n - 1];
            }
        }
        List<Prediction> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Prediction(best[i], tokenizer.word(best[i]), prob(best[i])));
        }
        return out;
    }

    /** The actual next token's rank (1-based, in the order of {@link #top}) and probability. */
    public NextToken judge(int id) {
        if (tokenizer.isExcludedFromPredictions(id)) {
            return new NextToken(id, null, 0);
        }
        float l = logits[id];
        int rank = 1;
        for (int i = 0; i < logits.length; i++) {
            float li = logits[i];
            if ((li > l || (li == l && i < id)) && !tokenizer.isExcludedFromPredictions(i)) {
                rank++;
            }
        }
        return new NextToken(id, rank, prob(id));
    }

    /**
     * {@link #judge} for a caller that already has this distribution's {@link #top}: the top-n are the first n of the
     * order judge ranks by (logit, then lower id), so a token among them has its rank and probability there and the
     * count over the vocabulary is needed only for the others.
     */
    public NextToken judge(int id, List<Prediction> top) {
        for (int i = 0; i < top.size(); i++) {
            Prediction p = top.get(i);
            if (p.id() == id) {
                return new NextToken(id, i + 1, p.prob());
            }
        }
        return judge(id);
    }
}
