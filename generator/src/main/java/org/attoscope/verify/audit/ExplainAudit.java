package org.attoscope.verify.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Checks a point's {@code explain} (FORMATS.md section 3.1) against the verifier's own forward pass: the final
 * norm's scale, the choice of targets, every target's logit and each of its parts, that the parts add up to the
 * logit, and every ablation and link drop re-run.
 */
final class ExplainAudit {
    private final PlainForward plain;
    private final IntFunction<String> words;

    ExplainAudit(PlainForward plain, IntFunction<String> words) {
        this.plain = plain;
        this.words = words;
    }

    void check(String at, JsonNode explain, JsonNode point, PlainPoint fresh, List<String> out) {
        PlainPoint.Explain e = fresh.explain();
        if (e == null) {
            out.add(at + ": the independent forward pass could not explain this point: a target id lies outside the vocabulary");
            return;
        }
        close(at + ".final_rms", explain.path("final_rms"), e.finalRms(), Tolerances.PROB * Math.max(1, e.finalRms()), out);
        targets(at, explain.path("targets"), point, fresh, e, out);
        JsonNode ablations = explain.path("ablations");
        for (Map.Entry<String, PlainPoint.Ablation> a : e.ablations().entrySet()) {
            String where = at + ".ablations." + a.getKey();
            JsonNode shown = ablations.path(a.getKey());
            if (!shown.isObject()) {
                out.add(where + ": missing");
                continue;
            }
            top(where + ".predictions", shown.path("predictions"), a.getValue(), out);
            probs(where + ".target_probs", shown.path("target_probs"), a.getValue().targetProbs(), out);
        }
        JsonNode drops = explain.path("link_drops");
        for (int h = 0; h < e.linkDrops().size(); h++) {
            Map<Integer, PlainPoint.LinkDrop> bySource = new HashMap<>();
            e.linkDrops().get(h).forEach(d -> bySource.put(d.source(), d));
            JsonNode shownHead = drops.path(h);
            JsonNode links = point.path("heads").path(h);
            if (shownHead.size() != links.size()) {
                out.add(at + ".link_drops[" + h + "]: " + shownHead.size() + " drops, the head has " + links.size() + " links");
                continue;
            }
            for (int j = 0; j < shownHead.size(); j++) {
                String where = at + ".link_drops[" + h + "][" + j + "]";
                int source = shownHead.get(j).path("source").asInt(-1);
                if (source != links.get(j).path("source").asInt(-2)) {
                    out.add(where + ".source: " + source + ", but link " + j + " of head " + h + " is source " + links.get(j).path("source"));
                    continue;
                }
                PlainPoint.LinkDrop d = bySource.get(source);
                if (d != null) {
                    probs(where + ".target_probs", shownHead.get(j).path("target_probs"), d.targetProbs(), out);
                }
            }
        }
    }

    private void targets(String at, JsonNode targets, JsonNode point, PlainPoint fresh, PlainPoint.Explain e, List<String> out) {
        // Which targets: the point's top-3, then the actual next token when it is not among them and not excluded.
        List<Integer> expected = new ArrayList<>();
        JsonNode preds = point.path("predictions");
        for (int i = 0; i < Math.min(3, preds.size()); i++) {
            expected.add(preds.get(i).path("id").asInt());
        }
        if (fresh.next() != null && !plain.excluded(fresh.next().id()) && !expected.contains(fresh.next().id())) {
            expected.add(fresh.next().id());
        }
        List<Integer> shown = new ArrayList<>();
        targets.forEach(t -> shown.add(t.path("id").asInt(-1)));
        if (!shown.equals(expected)) {
            out.add(at + ".targets: ids " + shown + " on the page; the point's top-3 and its next token make " + expected);
            return;
        }
        for (int t = 0; t < targets.size(); t++) {
            JsonNode target = targets.get(t);
            PlainPoint.Target p = e.targets().get(t);
            String where = at + ".targets[" + t + "]";
            if (!words.apply(p.id()).equals(target.path("token").asText(null))) {
                out.add(where + ".token: " + target.path("token") + ", id " + p.id() + " is \"" + words.apply(p.id()) + "\"");
            }
            close(where + ".logit", target.path("logit"), p.logit(), Tolerances.LOGIT, out);
            JsonNode parts = target.path("parts");
            close(where + ".parts.token", parts.path("token"), p.token(), Tolerances.LOGIT, out);
            close(where + ".parts.position", parts.path("position"), p.position(), Tolerances.LOGIT, out);
            close(where + ".parts.mlp", parts.path("mlp"), p.mlp(), Tolerances.LOGIT, out);
            double sum = parts.path("token").asDouble() + parts.path("position").asDouble() + parts.path("mlp").asDouble();
            for (int h = 0; h < p.heads().size(); h++) {
                JsonNode shownHead = parts.path("heads").path(h);
                JsonNode links = point.path("heads").path(h);
                Map<Integer, Double> bySource = new HashMap<>();
                for (int j = 0; j < p.heads().get(h).size(); j++) {
                    bySource.put(fresh.heads().get(h).get(j).source(), p.heads().get(h).get(j));
                }
                if (shownHead.size() != links.size()) {
                    out.add(where + ".parts.heads[" + h + "]: " + shownHead.size() + " parts, the head has " + links.size() + " links");
                    continue;
                }
                for (int j = 0; j < shownHead.size(); j++) {
                    String part = where + ".parts.heads[" + h + "][" + j + "]";
                    int source = shownHead.get(j).path("source").asInt(-1);
                    sum += shownHead.get(j).path("logit").asDouble();
                    if (source != links.get(j).path("source").asInt(-2)) {
                        out.add(part + ".source: " + source + ", but link " + j + " of head " + h + " is source " + links.get(j).path("source"));
                    } else if (bySource.containsKey(source)) {
                        close(part + ".logit", shownHead.get(j).path("logit"), bySource.get(source), Tolerances.LOGIT, out);
                    }
                }
            }
            double logit = target.path("logit").asDouble(Double.NaN);
            if (!(Math.abs(sum - logit) <= Tolerances.LOGIT)) {
                out.add(where + ": the parts add up to " + sum + ", not to the logit " + target.path("logit"));
            }
        }
    }

    /**
     * A re-run's listed words against the verifier's. Two words whose probabilities tie under float rounding may be
     * listed in either order, and at the last place either may be listed, so a word at a place not its own passes
     * only when its probability is its own (within {@link Tolerances#PROB}) and that of the word the verifier puts
     * there (within {@link Tolerances#TIE}).
     */
    private void top(String at, JsonNode shown, PlainPoint.Ablation ablation, List<String> out) {
        List<PlainPoint.Candidate> expected = ablation.top();
        if (shown.size() != expected.size()) {
            out.add(at + ": " + shown.size() + " predictions, " + expected.size() + " expected");
            return;
        }
        Map<Integer, PlainPoint.Candidate> byId = new HashMap<>();
        expected.forEach(x -> byId.put(x.id(), x));
        ablation.runnersUp().forEach(x -> byId.put(x.id(), x));
        for (int i = 0; i < shown.size(); i++) {
            int id = shown.get(i).path("id").asInt(-1);
            double prob = shown.get(i).path("prob").asDouble(Double.NaN);
            PlainPoint.Candidate c = expected.get(i);
            PlainPoint.Candidate own = byId.get(id);
            boolean same = id == c.id() && Math.abs(prob - c.prob()) <= Tolerances.PROB;
            boolean tie = id != c.id() && own != null && Math.abs(prob - own.prob()) <= Tolerances.PROB
                    && Math.abs(prob - c.prob()) <= Tolerances.TIE;
            if (!same && !tie) {
                out.add(at + "[" + i + "]: id " + id + " prob " + shown.get(i).path("prob") + " on the page, id " + c.id() + " prob "
                        + c.prob() + " from an independent forward pass");
            } else if (!words.apply(id).equals(shown.get(i).path("token").asText(null))) {
                out.add(at + "[" + i + "].token: " + shown.get(i).path("token") + ", id " + id + " is \"" + words.apply(id) + "\"");
            }
        }
    }

    private static void probs(String at, JsonNode shown, double[] expected, List<String> out) {
        if (shown.size() != expected.length) {
            out.add(at + ": " + shown.size() + " probabilities, one per target makes " + expected.length);
            return;
        }
        for (int i = 0; i < expected.length; i++) {
            close(at + "[" + i + "]", shown.get(i), expected[i], Tolerances.PROB, out);
        }
    }

    private static void close(String at, JsonNode shown, double expected, double tolerance, List<String> out) {
        double v = shown.asDouble(Double.NaN);
        if (!shown.isNumber() || !(Math.abs(v - expected) <= tolerance)) {
            out.add(at + ": " + shown + " on the page, " + expected + " from an independent forward pass");
        }
    }
}
