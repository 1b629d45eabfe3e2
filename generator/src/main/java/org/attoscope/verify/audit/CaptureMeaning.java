package org.attoscope.verify.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a captured tensor must mean, beyond holding the bytes its hash lock names: attention is a probability
 * distribution over keys (every weight in [0, 1], every query row summing to 1); a top-k tensor keeps at most k
 * nonzero weights per row, and they sit on the k largest of the same step's dense scores; the greedy token of a
 * step is the argmax of that step's logits. Used by the build (a lesson that draws a capture) and by the verifier.
 */
public final class CaptureMeaning {
    private static final Pattern ATTENTION = Pattern.compile("(?:step(\\d+)\\.)?attention(_scores)?_(\\d\\d)");
    private static final Pattern LOGITS = Pattern.compile("step(\\d+)\\.logits_last");
    private static final int MAX_PROBLEMS = 5;

    private CaptureMeaning() {
    }

    /** Whether a tensor's name says it holds attention weights: {@code stepSS.attention_LL} or {@code ..attention_scores_LL}. */
    public static boolean isAttention(String tensor) {
        return ATTENTION.matcher(tensor).matches();
    }

    /**
     * Whether a tensor of any capture, ours or another tool's, says it holds attention weights: our names, or a last
     * name part mentioning {@code attn} or {@code attention} (not an output or projection), over a square [.., T, T].
     */
    public static boolean claimsAttention(String tensor, List<Integer> shape) {
        int rank = shape.size();
        if (rank < 2 || !shape.get(rank - 1).equals(shape.get(rank - 2))) {
            return false;
        }
        if (isAttention(tensor)) {
            return true;
        }
        String last = tensor.substring(tensor.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return (last.contains("attn") || last.contains("attention")) && !last.contains("out") && !last.contains("proj");
    }

    /** Whether it is the top-k (sparse) attention, {@code stepSS.attention_LL}. */
    public static boolean isTopK(String tensor) {
        Matcher m = ATTENTION.matcher(tensor);
        return m.matches() && m.group(2) == null;
    }

    /** The dense tensor of the same step and block as a top-k one: {@code step01.attention_00} to {@code step01.attention_scores_00}. */
    public static String denseOf(String topk) {
        Matcher m = ATTENTION.matcher(topk);
        if (!m.matches()) {
            throw new IllegalArgumentException(topk);
        }
        return (m.group(1) == null ? "" : "step" + m.group(1) + ".") + "attention_scores_" + m.group(3);
    }

    /** The step of {@code stepSS.logits_last}, or -1 for any other name. */
    public static int logitsStep(String tensor) {
        Matcher m = LOGITS.matcher(tensor);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * Problems with an attention tensor of shape [..., T, T] read as probabilities over keys, each naming the
     * tensor, the row (leading indices and query) and what is wrong; empty when it is sound.
     */
    public static List<String> attentionRows(String tensor, List<Integer> shape, float[] values) {
        List<String> out = new ArrayList<>();
        int rank = shape.size();
        if (rank < 2 || !shape.get(rank - 1).equals(shape.get(rank - 2))) {
            out.add("tensor " + tensor + " has shape " + shape + ", not the [..., T, T] of attention");
            return out;
        }
        int t = shape.get(rank - 1);
        int rows = values.length / t;
        for (int r = 0; r < rows && out.size() < MAX_PROBLEMS; r++) {
            double sum = 0;
            for (int k = 0; k < t; k++) {
                float w = values[r * t + k];
                if (!(w >= 0 && w <= 1)) {
                    out.add("tensor " + tensor + " row " + row(shape, r) + " holds " + w + " at key " + k
                            + ", which is not a probability in [0, 1]");
                }
                sum += w;
            }
            if (Math.abs(sum - 1) > Tolerances.PROB) {
                out.add("tensor " + tensor + " row " + row(shape, r) + " sums to " + sum + ", not 1");
            }
        }
        return out;
    }

    /** Problems with a causal slice: a key after its query holding anything but 0. */
    public static List<String> causal(String tensor, List<Integer> shape, float[] values) {
        List<String> out = new ArrayList<>();
        int t = shape.get(shape.size() - 1);
        for (int r = 0; r < values.length / t && out.size() < MAX_PROBLEMS; r++) {
            int q = r % t;
            for (int k = q + 1; k < t; k++) {
                if (values[r * t + k] != 0) {
                    out.add("tensor " + tensor + " row " + row(shape, r) + " gives key " + k + " (after its query) weight "
                            + values[r * t + k] + ", not 0");
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Problems with a top-k tensor against the dense scores of the same step: more than k nonzero weights in a row,
     * nonzeros that are not on the k largest dense scores (ties within float noise allowed), or kept weights that
     * are not the dense weights renormalised over the kept keys.
     */
    public static List<String> topK(String tensor, List<Integer> shape, float[] sparse, float[] dense, int k) {
        List<String> out = new ArrayList<>();
        int t = shape.get(shape.size() - 1);
        for (int r = 0; r < sparse.length / t && out.size() < MAX_PROBLEMS; r++) {
            int nonzero = 0;
            double keptDense = 0;
            double smallestKept = Double.POSITIVE_INFINITY;
            for (int j = 0; j < t; j++) {
                if (sparse[r * t + j] != 0) {
                    nonzero++;
                    keptDense += dense[r * t + j];
                    smallestKept = Math.min(smallestKept, dense[r * t + j]);
                }
            }
            if (nonzero > k) {
                out.add("tensor " + tensor + " row " + row(shape, r) + " has " + nonzero + " nonzero weights, more than the top-" + k);
                continue;
            }
            String problem = null;
            for (int j = 0; j < t && problem == null; j++) {
                if (sparse[r * t + j] == 0 && nonzero == k && dense[r * t + j] - smallestKept > Tolerances.TIE * smallestKept) {
                    problem = "tensor " + tensor + " row " + row(shape, r) + " drops key " + j + ", whose dense weight " + dense[r * t + j]
                            + " is larger than a kept one's (" + smallestKept + ")";
                }
            }
            for (int j = 0; j < t && problem == null; j++) {
                float w = sparse[r * t + j];
                if (w != 0 && keptDense > 0 && Math.abs(w - dense[r * t + j] / keptDense) > Tolerances.PROB) {
                    problem = "tensor " + tensor + " row " + row(shape, r) + " key " + j + " holds " + w + ", but the dense weights "
                            + "renormalised over the kept keys give " + dense[r * t + j] / keptDense;
                }
            }
            if (problem != null) {
                out.add(problem);
            }
        }
        return out;
    }

    /** The exact argmax of a vector, ties to the lower index. */
    public static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** {@code [0, 1, q=3]}: the leading indices of flat row {@code r} and its query. */
    private static String row(List<Integer> shape, int r) {
        int rank = shape.size();
        int[] idx = new int[rank - 1];
        int rest = r;
        for (int a = rank - 2; a >= 0; a--) {
            idx[a] = rest % shape.get(a);
            rest /= shape.get(a);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int a = 0; a < rank - 2; a++) {
            sb.append(idx[a]).append(", ");
        }
        return sb.append("q=").append(idx[rank - 2]).append("]").toString();
    }
}
