package org.attoscope.pages;

import java.util.ArrayList;
import java.util.List;
import org.attoscope.figures.ColorScale;
import org.attoscope.figures.DivergingScale;
import org.attoscope.trace.Explanation;
import org.attoscope.trace.PredictionPoint;

/**
 * The explorer's "why" view of one point (FORMATS.md section 3.1), formatted: the server renders the story's last
 * point with it so the page explains itself without a script; assets/why.js draws every other point into the same
 * markup with the same rules (signed values to 3 decimals, bars against the point's own nice limit).
 *
 * @param targets   the top prediction and, when it is another token, the actual next one
 * @param ablations what each precomputed re-run predicts
 * @param ramp      the diverging scale from -1 to 1 in {@link #RAMP_STEPS} colours, for the script
 */
public record WhyView(List<TargetView> targets, List<AblationView> ablations, String ramp) {

    static final int RAMP_STEPS = 21;

    /** One target's logit split into parts. */
    public record TargetView(String role, String token, String logit, String limit, List<PartView> parts) {
    }

    /**
     * One part. {@code head} is null for the token, position and MLP parts.
     *
     * @param extent |value| / limit in 0..1
     * @param colour the diverging scale's colour for value / limit
     */
    public record PartView(String kind, Integer head, Integer source, String label, String value, String extent, String colour) {
    }

    /** One ablation's top predictions as text. */
    public record AblationView(String key, String label, String predictions) {
    }

    public WhyView {
        targets = List.copyOf(targets);
        ablations = List.copyOf(ablations);
    }

    /** Null when the point carries no explanation. */
    static WhyView of(PredictionPoint p, List<String> display) {
        Explanation e = p.explain();
        if (e == null) {
            return null;
        }
        List<TargetView> targets = new ArrayList<>();
        targets.add(target("Top prediction", e.targets().get(0), p, display));
        if (p.next() != null) {
            for (int t = 1; t < e.targets().size(); t++) {
                if (e.targets().get(t).id() == p.next().id()) {
                    targets.add(target("Actually next", e.targets().get(t), p, display));
                }
            }
        }
        List<AblationView> ablations = new ArrayList<>();
        for (int h = 0; h < p.heads().size(); h++) {
            ablations.add(ablation("head" + h + "_off", "Head " + h + " off", e));
        }
        ablations.add(ablation("dense", "Dense attention", e));
        StringBuilder ramp = new StringBuilder();
        ColorScale scale = ColorScale.diverging(1);
        for (int i = 0; i < RAMP_STEPS; i++) {
            ramp.append(i == 0 ? "" : " ").append(scale.colour(-1 + 2.0 * i / (RAMP_STEPS - 1)).hex());
        }
        return new WhyView(targets, ablations, ramp.toString());
    }

    /** A signed value to 3 decimals with a real minus sign; the script writes the same (why.js, signed). */
    public static String signed(double x) {
        String s = HalfUpNumbers.fixed(Math.abs(x), 3);
        if (s.equals("0.000")) {
            return "0.000";
        }
        return (x < 0 ? "\u2212" : "+") + s;
    }

    private static TargetView target(String role, Explanation.Target t, PredictionPoint p, List<String> display) {
        Explanation.Parts parts = t.parts();
        double max = Math.max(Math.abs(parts.token()), Math.max(Math.abs(parts.position()), Math.abs(parts.mlp())));
        for (List<Explanation.LinkPart> head : parts.heads()) {
            for (Explanation.LinkPart l : head) {
                max = Math.max(max, Math.abs(l.logit()));
            }
        }
        double limit = DivergingScale.niceLimit(max);
        ColorScale scale = ColorScale.diverging(limit);
        List<PartView> views = new ArrayList<>();
        views.add(part("token", null, null, "the token \u201c" + display.get(p.focus()) + "\u201d itself", parts.token(), limit, scale));
        views.add(part("position", null, null, "its position, " + (p.focus() - p.contextStart()), parts.position(), limit, scale));
        for (int h = 0; h < parts.heads().size(); h++) {
            for (int k = 0; k < parts.heads().get(h).size(); k++) {
                Explanation.LinkPart l = parts.heads().get(h).get(k);
                views.add(part("head", h, l.source(), "head " + h + " reading \u201c" + display.get(l.source()) + "\u201d #" + l.source()
                        + " (" + HalfUpNumbers.percent(p.heads().get(h).get(k).weight()) + ")", l.logit(), limit, scale));
            }
        }
        views.add(part("mlp", null, null, "the MLP", parts.mlp(), limit, scale));
        return new TargetView(role, t.token(), HalfUpNumbers.fixed(t.logit(), 3), java.math.BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString(), views);
    }

    private static PartView part(String kind, Integer head, Integer source, String label, double value, double limit, ColorScale scale) {
        double v = Math.max(-limit, Math.min(limit, value));
        return new PartView(kind, head, source, label, signed(value), HalfUpNumbers.extent(Math.abs(v) / limit), scale.colour(v).hex());
    }

    private static AblationView ablation(String key, String label, Explanation e) {
        Explanation.Ablation a = e.ablations().get(key);
        StringBuilder sb = new StringBuilder();
        a.predictions().forEach(pr -> sb.append(sb.length() == 0 ? "" : ", ").append(pr.token()).append(' ').append(HalfUpNumbers.percent(pr.prob())));
        return new AblationView(key, label, sb.toString());
    }
}
