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
        // the ablations rank their top-5, so they take the exact distributions (normalisers side by side)
        List<float[]> ranked = new ArrayList<>(List.of(e.headOff()));
        ranked.add(e.dense());
        List<NextTokenDistribution> dists = NextTokenDistribution.of(ranked, tok);
        int at = 0;
        Map<String, Explanation.Ablation> ablations = new LinkedHashMap<>();
        for (int h = 0; h < e.headOff().length; h++) {
            ablations.put("head" + h + "_off", ablation(dists.get(at++), ids));
        }
        ablations.put("dense", ablation(dists.get(at), ids));
        // a link drop publishes only the targets' rounded probabilities, which rarely need the exact normaliser
        RerunProbabilities targetProbs = new RerunProbabilities(tok);
        List<List<Explanation.LinkDrop>> drops = new ArrayList<>();
        for (int h = 0; h < e.linkDrops().length; h++) {
            HeadLinks links = r.heads()[h];
            List<Explanation.LinkDrop> head = new ArrayList<>();
            for (int j = 0; j < e.linkDrops()[h].length; j++) {
                head.add(new Explanation.LinkDrop(links.sources()[j], targetProbs.of(e.linkDrops()[h][j], ids)));
            }
            drops.add(head);
        }
        return new Explanation(significant(e.finalRms()), targets, ablations, drops);
    }

    private static Explanation.Ablation ablation(NextTokenDistribution dist, int[] targets) {
        List<Prediction> top = dist.top(ABLATION_TOP).stream()
                .map(p -> new Prediction(p.id(), p.token(), prob(p.prob()))).toList();
        return new Explanation.Ablation(top, probs(dist, targets));
    }

    private static List<Double> probs(NextTokenDistribution dist, int[] targets) {
        List<Double> out = new ArrayList<>(targets.length);
        for (int t : targets) {
            out.add(prob(dist.prob(t)));
        }
        return out;
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
