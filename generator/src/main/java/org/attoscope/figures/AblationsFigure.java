package org.attoscope.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attoscope.trace.Explanation;
import org.attoscope.trace.Prediction;
import org.attoscope.trace.PredictionPoint;

/**
 * What-if at one point (FORMATS.md section 3.1): one target's probability as computed, with each head off, with
 * dense attention, and with each kept link dropped, as bars on 0..100%.
 */
public final class AblationsFigure {
    private static final int PAD = 12;
    private static final int LABEL_W = 250;
    private static final int BAR = 300;
    private static final int ROW = 20;
    private static final Rgb INK = new Rgb(0x22, 0x22, 0x22);
    private static final Rgb MUTED = new Rgb(0x55, 0x55, 0x55);
    private static final Rgb BASE = new Rgb(0x8a, 0x96, 0xab);

    private AblationsFigure() {
    }

    public static SvgFigure render(String story, List<String> tokens, PredictionPoint p, int target) {
        Explanation e = p.explain();
        Explanation.Target t = e.targets().get(target);
        List<String> labels = new ArrayList<>();
        List<Double> probs = new ArrayList<>();
        labels.add("as computed");
        probs.add(probability(p, t.id()));
        for (int h = 0; h < p.heads().size(); h++) {
            labels.add("head " + h + " off");
            probs.add(e.ablations().get("head" + h + "_off").targetProbs().get(target));
        }
        labels.add("dense attention");
        probs.add(e.ablations().get("dense").targetProbs().get(target));
        for (int h = 0; h < e.linkDrops().size(); h++) {
            for (Explanation.LinkDrop d : e.linkDrops().get(h)) {
                labels.add("head " + h + " without “" + tokens.get(d.source()) + "” #" + d.source());
                probs.add(d.targetProbs().get(target));
            }
        }
        int top = PAD + 36;
        SvgCanvas c = new SvgCanvas(PAD * 2 + LABEL_W + BAR + 70, top + labels.size() * ROW + PAD);
        String title = "What if: “" + t.token() + "” after “" + tokens.get(p.focus()) + "” (story " + story + ", point " + p.focus() + ")";
        c.text("the probability of “" + t.token() + "” when part of the attention is taken away", PAD, PAD + 12, 12, INK,
                SvgCanvas.Anchor.START, true);
        c.text("each run recomputes the MLP and the logits; a dropped link's weight goes to the head's other links",
                PAD, PAD + 28, 10, MUTED, SvgCanvas.Anchor.START, false);
        StringBuilder desc = new StringBuilder(title + ": ");
        for (int i = 0; i < labels.size(); i++) {
            double y = top + i * ROW;
            Integer head = labels.get(i).startsWith("head ") ? labels.get(i).charAt(5) - '0' : null;
            c.text(labels.get(i), PAD + LABEL_W - 8, y + 14, 11, head != null && head < 2 ? HeadColours.of(head) : INK,
                    SvgCanvas.Anchor.END, i == 0);
            double len = Math.max(0.5, probs.get(i) * BAR);
            c.fillRect(PAD + LABEL_W, y + 3, len, ROW - 6, i == 0 ? BASE : head != null && head < 2 ? HeadColours.of(head) : INK);
            c.text(percent(probs.get(i)), PAD + LABEL_W + len + 6, y + 14, 11, INK, SvgCanvas.Anchor.START, false);
            desc.append(i == 0 ? "" : ", ").append(labels.get(i)).append(' ').append(percent(probs.get(i)));
        }
        desc.append(". Probabilities over the vocabulary less <pad>, <bos>, <unk>, as the explorer embeds them.");
        String svg = c.finish("ablations", title, desc.toString(), Map.of("data-source", story));
        return new SvgFigure(svg, title, desc.toString(), 0, List.of());
    }

    private static double probability(PredictionPoint p, int id) {
        for (Prediction pr : p.predictions()) {
            if (pr.id() == id) {
                return pr.prob();
            }
        }
        return p.next() != null && p.next().id() == id ? p.next().prob() : 0;
    }

    private static String percent(double p) {
        return new java.math.BigDecimal(p * 100).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
