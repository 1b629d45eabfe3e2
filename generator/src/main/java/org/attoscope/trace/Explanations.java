package org.attoscope.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attoscope.model.Explained;
import org.attoscope.model.FocusResult;
import org.attoscope.model.HeadLinks;
import org.attoscope.model.Tokenizer;

/** Turns the explainer's raw numbers into a point's {@link Explanation}: targets chosen, distributions ranked, rounded. */
final class Explanations {
    /** Predictions listed per ablation (FORMATS.md section 3.1). */
    static final int ABLATION_TOP = 5;
    /** Top predictions whose logits are split. */
    static final int TOP_TARGETS = 3;

    private Explanations() {
    }

    /** The top-3, then the actual next token when it is not among them and not one the predictions leave out. */
    static int[] targets(NextTokenDistribution dist, Integer nextId, Tokenizer tok) {
        List<Integer> out = new ArrayList<>();
        dist.top(TOP_TARGETS).forEach(p -> out.add(p.id()));
        if (nextId != null && !out.contains(nextId) && !tok.isExcludedFromPredictions(nextId)) {
            out.add(nextId);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static Explanation of(FocusResult r, Explained e, Tokenizer tok) {
        List<Explanation.Target> targets = new ArrayList<>();
        int[] ids = new int[e.targets().size()];
        for (int t = 0; t < ids.length; t++) {
            Explained.TargetParts parts = e.targets().get(t);
            ids[t] = parts.id();
            List<List<Explanation.LinkPart>> heads = new ArrayList<>();
            for (int h = 0; h < parts.heads().length; h++) {
                List<Explanation.LinkPart> links = new ArrayList<>();
                for (int k = 0; k < parts.heads()[h].length; k++) {
                    links.add(new Explanation.LinkPart(r.heads()[h].sources()[k], logit(parts.heads()[h][k])));
                }
                heads.add(links);
            }
            targets.add(new Explanation.Target(parts.id(), tok.word(parts.id()), logit(r.logits()[parts.id()]),
                    new Explanation.Parts(logit(parts.token()), logit(parts.position()), logit(parts.mlp()), heads)));
        }
        // a re-run publishes only rounded probabilities, which rarely need the exact normaliser (RerunProbabilities)
        RerunProbabilities reruns = new RerunProbabilities(tok);
        Map<String, Explanation.Ablation> ablations = new LinkedHashMap<>();
        for (int h = 0; h < e.headOff().length; h++) {
            ablations.put("head" + h + "_off", ablation(reruns, e.headOff()[h], ids, tok));
        }
        ablations.put("dense", ablation(reruns, e.dense(), ids, tok));
        List<List<Explanation.LinkDrop>> drops = new ArrayList<>();
        for (int h = 0; h < e.linkDrops().length; h++) {
            HeadLinks links = r.heads()[h];
            List<Explanation.LinkDrop> head = new ArrayList<>();
            for (int j = 0; j < e.linkDrops()[h].length; j++) {
                head.add(new Explanation.LinkDrop(links.sources()[j], reruns.of(e.linkDrops()[h][j], ids)));
            }
            drops.add(head);
        }
        return new Explanation(significant(e.finalRms()), targets, ablations, drops);
    }

    /** The top-5 with their probabilities, then the targets', all rounded. */
    private static Explanation.Ablation ablation(RerunProbabilities reruns, float[] logits, int[] targets, Tokenizer tok) {
        int[] top = new int[ABLATION_TOP];
        List<Double> probs = reruns.ranked(logits, ABLATION_TOP, targets, top);
        int size = probs.size() - targets.length;
        List<Prediction> predictions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            predictions.add(new Prediction(top[i], tok.word(top[i]), probs.get(i)));
        }
        return new Explanation.Ablation(predictions, probs.subList(size, probs.size()));
    }

    /** A logit or a part, to 4 decimals: parts of about a dozen terms still add up to the logit within 1e-3. */
    static double logit(double x) {
        return Math.rint(x * 1e4) / 1e4;
    }

    /** A probability, to 5 decimals: within 1e-5 of the exact value, as the verifier asks. */
    static double prob(double p) {
        return Math.rint(p * 1e5) / 1e5;
    }

    static double significant(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).doubleValue();
    }
}
