package org.attoscope.verify.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Reads one prompt object of FORMATS.md section 3 (what an explorer page embeds, or one element of a points file)
 * on its own terms and compares it, field by field, with the verifier's own forward pass: values within
 * {@link Tolerances}, and what the data claims to mean (weights in [0,1] summing to 1, at most k links inside the
 * window, predictions ordered and summing to at most 1, the next token the one that follows).
 */
public final class PointsAudit {
    private static final int MAX_DIFFERENCES = 20;

    private final PlainForward plain;
    private final IntFunction<String> words;
    private final int topk;

    /**
     * @param plain the verifier's forward pass
     * @param words the vocabulary, id to word (data of the bundle, not code of the engine)
     * @param topk  the links a head keeps (the bundle's {@code topk_attn})
     */
    public PointsAudit(PlainForward plain, IntFunction<String> words, int topk) {
        this.plain = plain;
        this.words = words;
        this.topk = topk;
    }

    /** The point's §3.1 targets as a page lists them, so the plain pass explains exactly those. */
    public IntFunction<int[]> targetsOf(JsonNode prompt) {
        JsonNode points = prompt.path("points");
        return focus -> {
            JsonNode targets = points.path(focus).path("explain").path("targets");
            if (!targets.isArray()) {
                return null;
            }
            int[] ids = new int[targets.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = targets.get(i).path("id").asInt(-1);
            }
            for (int id : ids) {
                if (!plain.inVocabulary(id)) {
                    return new int[0]; // the explain check names the impossible target
                }
            }
            return ids;
        };
    }

    /**
     * @param shown    the prompt object as a page shows it
     * @param ids      the token ids of the text it must cover (by the verifier's own reading of the story)
     * @param topn     how many predictions each point must list
     * @return every difference, worded page side first; empty when the data is what the model says
     */
    public List<String> check(JsonNode shown, int[] ids, int topn) {
        return compare(shown, ids, plain.run(ids, topn + 5, targetsOf(shown)), topn);
    }

    /**
     * As {@link #check}, against a run already made ({@link PlainForward#run} with at least {@code topn + 5}
     * predictions, explaining the targets {@link #targetsOf} reads from {@code shown}).
     */
    public List<String> compare(JsonNode shown, int[] ids, List<PlainPoint> fresh, int topn) {
        List<String> out = new ArrayList<>();
        JsonNode shownIds = shown.path("ids");
        if (!shownIds.isArray() || shownIds.size() != ids.length) {
            out.add("ids: " + (shownIds.isArray() ? shownIds.size() + " ids" : "no ids") + " on the page, the text has " + ids.length + " tokens");
            return out;
        }
        for (int i = 0; i < ids.length; i++) {
            if (shownIds.get(i).asInt(-1) != ids[i]) {
                out.add("ids[" + i + "]: " + shownIds.get(i) + " on the page, the text reads " + ids[i]);
                return out;
            }
        }
        JsonNode tokens = shown.path("tokens");
        for (int i = 0; i < ids.length; i++) {
            if (!words.apply(ids[i]).equals(tokens.path(i).asText(null))) {
                out.add("tokens[" + i + "]: " + tokens.path(i) + " on the page, id " + ids[i] + " is \"" + words.apply(ids[i]) + "\"");
            }
        }
        JsonNode points = shown.path("points");
        if (!points.isArray() || points.size() != ids.length) {
            out.add("points: " + points.size() + " on the page, one per token makes " + ids.length);
            return out;
        }
        for (int i = 0; i < ids.length && out.size() < MAX_DIFFERENCES; i++) {
            point("points[" + i + "]", points.get(i), fresh.get(i), ids, topn, out);
        }
        return out;
    }

    void point(String at, JsonNode p, PlainPoint fresh, int[] ids, int topn, List<String> out) {
        int focus = fresh.focus();
        expectInt(at + ".focus", p.path("focus"), focus, out);
        if (!words.apply(ids[focus]).equals(p.path("token").asText(null))) {
            out.add(at + ".token: " + p.path("token") + " on the page, \"" + words.apply(ids[focus]) + "\" at that position");
        }
        expectInt(at + ".context_start", p.path("context_start"), fresh.contextStart(), out);
        heads(at, p.path("heads"), fresh, out);
        predictions(at + ".predictions", p.path("predictions"), fresh, topn, out);
        next(at + ".next", p.path("next"), fresh, out);
        if (p.has("explain")) {
            new ExplainAudit(plain, words).check(at + ".explain", p.path("explain"), p, fresh, out);
        }
    }

    private void heads(String at, JsonNode heads, PlainPoint fresh, List<String> out) {
        if (!heads.isArray() || heads.size() != fresh.heads().size()) {
            out.add(at + ".heads: " + heads.size() + " heads on the page, the model has " + fresh.heads().size());
            return;
        }
        for (int h = 0; h < heads.size(); h++) {
            String where = at + ".heads[" + h + "]";
            JsonNode links = heads.get(h);
            List<PlainPoint.Link> expected = fresh.heads().get(h);
            Map<Integer, Double> plainWeights = new HashMap<>();
            expected.forEach(l -> plainWeights.put(l.source(), l.weight()));
            if (links.size() > topk) {
                out.add(where + ": " + links.size() + " links, more than the top-" + topk + " a head keeps");
            }
            if (links.size() != expected.size()) {
                out.add(where + ": " + links.size() + " links on the page, the window keeps " + expected.size());
            }
            double sum = 0;
            double previous = Double.POSITIVE_INFINITY;
            Set<Integer> seen = new HashSet<>();
            for (int j = 0; j < links.size(); j++) {
                JsonNode l = links.get(j);
                int source = l.path("source").asInt(-1);
                double w = l.path("weight").asDouble(Double.NaN);
                String link = where + "[" + j + "]";
                if (!(w >= 0 && w <= 1)) {
                    out.add(link + ": weight " + l.path("weight") + " is not in [0, 1]");
                    continue;
                }
                sum += w;
                if (w > previous) {
                    out.add(link + ": weight " + w + " after " + previous + "; links are listed largest first");
                }
                previous = w;
                if (source < fresh.contextStart() || source > fresh.focus() || !seen.add(source)) {
                    out.add(link + ": source " + l.path("source") + " is not a new position of the window "
                            + fresh.contextStart() + ".." + fresh.focus());
                    continue;
                }
                Double p = plainWeights.get(source);
                if (p == null) {
                    if (fresh.margins()[h] >= Tolerances.TIE) {
                        out.add(link + ": source " + source + " is not among the top-" + topk + " scores of an independent forward pass");
                    }
                } else if (Math.abs(p - w) > Tolerances.PROB) {
                    out.add(link + ": weight " + w + " on the page, " + p + " from an independent forward pass");
                }
            }
            if (links.size() > 0 && Math.abs(sum - 1) > Tolerances.PROB) {
                out.add(where + ": the weights sum to " + sum + ", not 1");
            }
        }
    }

    private void predictions(String at, JsonNode preds, PlainPoint fresh, int topn, List<String> out) {
        List<PlainPoint.Candidate> top = fresh.top();
        int expected = Math.min(topn, top.size());
        if (!preds.isArray() || preds.size() != expected) {
            out.add(at + ": " + preds.size() + " predictions on the page, " + expected + " expected");
            return;
        }
        Map<Integer, Integer> rankOf = new HashMap<>();
        for (int i = 0; i < top.size(); i++) {
            rankOf.put(top.get(i).id(), i);
        }
        double sum = 0;
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < preds.size(); i++) {
            JsonNode p = preds.get(i);
            String where = at + "[" + i + "]";
            int id = p.path("id").asInt(-1);
            double prob = p.path("prob").asDouble(Double.NaN);
            if (plain.excluded(id)) {
                out.add(where + ": id " + p.path("id") + " is not a token predictions may list");
                continue;
            }
            if (!words.apply(id).equals(p.path("token").asText(null))) {
                out.add(where + ".token: " + p.path("token") + " on the page, id " + id + " is \"" + words.apply(id) + "\"");
            }
            if (!(prob >= 0 && prob <= 1)) {
                out.add(where + ": probability " + p.path("prob") + " is not in [0, 1]");
                continue;
            }
            sum += prob;
            if (prob > previous + Tolerances.TIE) {
                out.add(where + ": probability " + prob + " after " + previous + "; predictions are listed most probable first");
            }
            previous = prob;
            Integer r = rankOf.get(id);
            if (r == null) {
                out.add(where + ": id " + id + " (" + words.apply(id) + ") is not among the " + top.size()
                        + " most probable tokens of an independent forward pass");
                continue;
            }
            double expectedProb = top.get(r).prob();
            if (Math.abs(expectedProb - prob) > Tolerances.PROB) {
                out.add(where + ": probability " + prob + " of \"" + words.apply(id) + "\" on the page, " + expectedProb
                        + " from an independent forward pass");
            } else if (r != i && Math.abs(top.get(i).prob() - prob) > Tolerances.TIE) {
                out.add(where + ": \"" + words.apply(id) + "\" is listed at rank " + (i + 1) + ", an independent forward pass ranks it "
                        + (r + 1));
            }
        }
        if (sum > 1 + Tolerances.PROB) {
            out.add(at + ": the probabilities sum to " + sum + ", more than 1");
        }
    }

    private void next(String at, JsonNode next, PlainPoint fresh, List<String> out) {
        PlainPoint.Judged j = fresh.next();
        if (j == null) {
            if (!next.isNull() && !next.isMissingNode()) {
                out.add(at + ": " + next + " on the page, but nothing follows the last token");
            }
            return;
        }
        if (!next.isObject()) {
            out.add(at + ": " + next + " on the page, token " + j.id() + " follows");
            return;
        }
        expectInt(at + ".id", next.path("id"), j.id(), out);
        JsonNode rank = next.path("rank");
        double prob = next.path("prob").asDouble(Double.NaN);
        if (j.rank() == null) {
            if (!rank.isNull() || prob != 0) {
                out.add(at + ": rank " + rank + " and prob " + next.path("prob") + " on the page; the next token is one of the excluded "
                        + "three, so rank null and prob 0");
            }
            return;
        }
        if (Math.abs(prob - j.prob()) > Tolerances.PROB) {
            out.add(at + ".prob: " + next.path("prob") + " on the page, " + j.prob() + " from an independent forward pass");
        }
        if (!rank.canConvertToInt() || rank.asInt() != j.rank()) {
            boolean tie = rank.canConvertToInt() && rank.asInt() >= j.rankMin() && rank.asInt() <= j.rankMax();
            if (!tie) {
                out.add(at + ".rank: " + rank + " on the page, " + j.rank() + " from an independent forward pass");
            }
        }
    }

    static void expectInt(String at, JsonNode n, int expected, List<String> out) {
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() != expected) {
            out.add(at + ": " + n + " on the page, " + expected + " expected");
        }
    }
}
