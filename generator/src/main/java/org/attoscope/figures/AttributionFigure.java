package org.attoscope.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attoscope.trace.Explanation;
import org.attoscope.trace.PredictionPoint;

/**
 * One target's logit at one point as signed bars (FORMATS.md section 3.1): the token, its position, every head's
 * kept links and the MLP, each what it adds to the logit, on the diverging scale around 0; the last row the sum.
 */
public final class AttributionFigure {
    private static final int PAD = 12;
    private static final int LABEL_W = 250;
    private static final int HALF = 170;
    private static final int ROW = 20;
    private static final Rgb INK = new Rgb(0x22, 0x22, 0x22);
    private static final Rgb MUTED = new Rgb(0x55, 0x55, 0x55);
    private static final Rgb AXIS = new Rgb(0xaa, 0xaa, 0xaa);

    private AttributionFigure() {
    }

    /** @param target index into the point's explained targets */
    public static SvgFigure render(String story, List<String> tokens, PredictionPoint p, int target) {
        Explanation.Target t = p.explain().targets().get(target);
        Explanation.Parts parts = t.parts();
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        labels.add("the token “" + tokens.get(p.focus()) + "” itself");
        values.add(parts.token());
        labels.add("its position, " + (p.focus() - p.contextStart()));
        values.add(parts.position());
        for (int h = 0; h < parts.heads().size(); h++) {
            for (Explanation.LinkPart l : parts.heads().get(h)) {
                labels.add("head " + h + " reading “" + tokens.get(l.source()) + "” #" + l.source());
                values.add(l.logit());
            }
        }
        labels.add("the MLP");
        values.add(parts.mlp());
        double max = values.stream().mapToDouble(Math::abs).max().orElse(0);
        double limit = DivergingScale.niceLimit(max);
        ColorScale scale = ColorScale.diverging(limit);
        int top = PAD + 36;
        double width = PAD * 2 + LABEL_W + 2 * HALF + 70;
        double height = top + (values.size() + 1) * ROW + PAD;
        SvgCanvas c = new SvgCanvas(width, height);
        String title = "Why “" + t.token() + "” after “" + tokens.get(p.focus()) + "” (story " + story + ", point " + p.focus() + ")";
        c.text("the logit of “" + t.token() + "”, " + signed(t.logit()) + ", as the sum of what each term adds", PAD, PAD + 12, 12, INK,
                SvgCanvas.Anchor.START, true);
        c.text("bars from −" + HalfEvenNumbers.plain(limit) + " to +" + HalfEvenNumbers.plain(limit) + "; blue lowers the logit, orange raises it",
                PAD, PAD + 28, 10, MUTED, SvgCanvas.Anchor.START, false);
        double zero = PAD + LABEL_W + HALF;
        c.line(zero, top - 4, zero, top + values.size() * ROW, AXIS, 1f);
        StringBuilder desc = new StringBuilder(title + ": the logit " + signed(t.logit()) + " is ");
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            double y = top + i * ROW;
            Integer head = labels.get(i).startsWith("head ") ? labels.get(i).charAt(5) - '0' : null;
            c.text(labels.get(i), PAD + LABEL_W - 8, y + 14, 11, head != null && head < 2 ? HeadColours.of(head) : INK,
                    SvgCanvas.Anchor.END, false);
            double clipped = Math.max(-limit, Math.min(limit, v));
            double len = Math.abs(clipped) / limit * HALF;
            c.fillRect(clipped < 0 ? zero - len : zero, y + 3, Math.max(len, 0.5), ROW - 6, scale.colour(clipped));
            c.text(signed(v), zero + HALF + 62, y + 14, 11, INK, SvgCanvas.Anchor.END, false);
            desc.append(i == 0 ? "" : ", ").append(labels.get(i)).append(' ').append(signed(v));
        }
        double y = top + values.size() * ROW;
        c.text("sum (the logit)", PAD + LABEL_W - 8, y + 14, 11, INK, SvgCanvas.Anchor.END, true);
        c.text(signed(t.logit()), zero + HALF + 62, y + 14, 11, INK, SvgCanvas.Anchor.END, true);
        desc.append(". Parts and logit as the explorer embeds them, to 4 decimals, shown to 3.");
        String svg = c.finish("attribution", title, desc.toString(), Map.of("data-source", story));
        return new SvgFigure(svg, title, desc.toString(), 0, List.of());
    }

    /** To 3 decimals with a real minus sign, as the explorer's why view writes it. */
    static String signed(double x) {
        String s = new java.math.BigDecimal(Math.abs(x)).setScale(3, java.math.RoundingMode.HALF_UP).toPlainString();
        return s.equals("0.000") ? s : (x < 0 ? "−" : "+") + s;
    }
}
