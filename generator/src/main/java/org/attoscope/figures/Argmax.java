package org.attoscope.figures;

import java.util.Arrays;

/** Exact ranking of float logits: larger first, equal values by lower id, so greedy decoding is reproducible. */
public final class Argmax {

    private Argmax() {
    }

    /** The id of the largest logit; ties go to the lower id. */
    public static int of(float[] logits) {
        return top(logits, 1)[0];
    }

    /** The ids of the {@code n} largest logits, largest first, ties by lower id. */
    public static int[] top(float[] logits, int n) {
        for (int i = 0; i < logits.length; i++) {
            if (!Float.isFinite(logits[i])) {
                throw new FigureException("logit " + logits[i] + " at id " + i + " is not finite.",
                        "captures must hold finite numbers; re-capture the run.");
            }
        }
        Integer[] ids = new Integer[logits.length];
        Arrays.setAll(ids, i -> i);
        Arrays.sort(ids, (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a])
                : Integer.compare(a, b));
        return Arrays.stream(ids).limit(Math.min(n, ids.length)).mapToInt(Integer::intValue).toArray();
    }
}
