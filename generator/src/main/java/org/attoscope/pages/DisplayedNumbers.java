package org.attoscope.pages;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attoscope.trace.AttentionLink;
import org.attoscope.trace.Explanation;
import org.attoscope.trace.NextToken;
import org.attoscope.trace.Prediction;
import org.attoscope.trace.PredictionPoint;
import org.attoscope.trace.PromptTrace;

/**
 * The one rule for how precise the numbers an explorer page carries are: 6 significant digits
 * ({@link #SIGNIFICANT}). Every weight, probability and logit on the page is only displayed (percentages to one
 * decimal, logits to three, the shortest float in a readout comes from a figure cell's own bits), and at full double
 * precision the embedded points would be over a third of the page.
 *
 * <p>{@link #of} rounds a whole trace once; the page then renders its panel, its why view and its embedded JSON from
 * that one copy, so a label the server writes and the same label the script writes from the JSON are the same
 * string. The figures draw from the unrounded trace: their cells carry the engine's exact float32 bits. The
 * {@code points} command writes the trace at full precision.
 */
public final class DisplayedNumbers {
    /** FORMATS.md section 6's label precision: no number on a page is shown with more. */
    public static final int SIGNIFICANT = 6;
    private static final MathContext CONTEXT = new MathContext(SIGNIFICANT, RoundingMode.HALF_EVEN);
    private static final double[] POWERS = new double[23];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10; // exact up to 1e22
        }
    }

    private DisplayedNumbers() {
    }

    /**
     * The double nearest to {@code x} rounded to 6 significant digits, half-even. For the magnitudes a page holds
     * (1e-16 to 1e16) it scales by an exact power of ten, rounds and scales back, a few nanoseconds per number
     * (a 1,000-story site has some 30 million); elsewhere it rounds the exact binary value with {@link BigDecimal}.
     */
    public static double significant(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(x)));
        int shift = SIGNIFICANT - 1 - exponent;
        if (shift >= 0 && shift < POWERS.length) {
            double scaled = x * POWERS[shift];
            // log10 may be one off near a power of ten; a 7-digit result means the exponent was one too small
            if (Math.abs(Math.rint(scaled)) < POWERS[SIGNIFICANT]) {
                return Math.rint(scaled) / POWERS[shift];
            }
        } else if (shift < 0 && -shift < POWERS.length) {
            double scaled = x / POWERS[-shift];
            if (Math.abs(Math.rint(scaled)) < POWERS[SIGNIFICANT]) {
                return Math.rint(scaled) * POWERS[-shift];
            }
        }
        return new BigDecimal(x).round(CONTEXT).doubleValue();
    }

    /** The trace with every number rounded as a page shows it; ids, positions and ranks are unchanged. */
    public static PromptTrace of(PromptTrace trace) {
        List<PredictionPoint> points = new ArrayList<>(trace.points().size());
        for (PredictionPoint p : trace.points()) {
            points.add(of(p));
        }
        return new PromptTrace(trace.name(), trace.text(), trace.ids(), trace.tokens(), points);
    }

    static PredictionPoint of(PredictionPoint p) {
        List<List<AttentionLink>> heads = new ArrayList<>();
        for (List<AttentionLink> head : p.heads()) {
            heads.add(head.stream().map(l -> new AttentionLink(l.source(), significant(l.weight()))).toList());
        }
        NextToken n = p.next();
        NextToken next = n == null ? null : new NextToken(n.id(), n.rank(), significant(n.prob()));
        return new PredictionPoint(p.focus(), p.token(), p.contextStart(), heads, predictions(p.predictions()), next,
                p.explain() == null ? null : of(p.explain()));
    }

    private static Explanation of(Explanation e) {
        List<Explanation.Target> targets = new ArrayList<>();
        for (Explanation.Target t : e.targets()) {
            Explanation.Parts parts = t.parts();
            List<List<Explanation.LinkPart>> heads = new ArrayList<>();
            for (List<Explanation.LinkPart> head : parts.heads()) {
                heads.add(head.stream().map(l -> new Explanation.LinkPart(l.source(), significant(l.logit()))).toList());
            }
            targets.add(new Explanation.Target(t.id(), t.token(), significant(t.logit()), new Explanation.Parts(
                    significant(parts.token()), significant(parts.position()), significant(parts.mlp()), heads)));
        }
        // the explanation's ablations are an unordered map; the JSON writer orders its keys
        Map<String, Explanation.Ablation> ablations = new LinkedHashMap<>();
        e.ablations().forEach((key, a) -> ablations.put(key,
                new Explanation.Ablation(predictions(a.predictions()), probs(a.targetProbs()))));
        List<List<Explanation.LinkDrop>> drops = new ArrayList<>();
        for (List<Explanation.LinkDrop> head : e.linkDrops()) {
            drops.add(head.stream().map(d -> new Explanation.LinkDrop(d.source(), probs(d.targetProbs()))).toList());
        }
        return new Explanation(significant(e.finalRms()), targets, ablations, drops);
    }

    private static List<Prediction> predictions(List<Prediction> predictions) {
        return predictions.stream().map(pr -> new Prediction(pr.id(), pr.token(), significant(pr.prob()))).toList();
    }

    private static List<Double> probs(List<Double> probs) {
        return probs.stream().map(DisplayedNumbers::significant).toList();
    }
}
