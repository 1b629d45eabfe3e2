package org.attoscope.trace;

import java.util.ArrayList;
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
    private final float[] logits;
    private final Tokenizer tokenizer;
    private final double max;
    private final double denom;

    public NextTokenDistribution(float[] logits, Tokenizer tokenizer) {
        this.logits = logits;
        this.tokenizer = tokenizer;
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            if (!tokenizer.isExcludedFromPredictions(i) && logits[i] > m) {
                m = logits[i];
            }
        }
        double d = 0;
        for (int i = 0; i < logits.length; i++) {
            if (!tokenizer.isExcludedFromPredictions(i)) {
                d += FdlibmExp.exp(logits[i] - m);
            }
        }
        this.max = m;
        this.denom = d;
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
            int last = Math.min(size, n - 1);
            System.arraycopy(best, pos, best, pos + 1, last - pos);
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

    /** The actual next token's rank (1-based, in the order of {@link #top}) and probability. */
    public NextToken judge(int id) {
        if (tokenizer.isExcludedFromPredictions(id)) {
            return new NextToken(id, null, 0);
        }
        float l = logits[id];
        int rank = 1;
        for (int i = 0; i < logits.length; i++) {
            if (!tokenizer.isExcludedFromPredictions(i) && (logits[i] > l || (logits[i] == l && i < id))) {
                rank++;
            }
        }
        return new NextToken(id, rank, prob(id));
    }
}
