package org.attoscope.figures;

import java.util.List;

/**
 * A strip of the model's surprise (-ln p of the token that actually follows) across a story, one bar per token
 * that has a successor. Tokens whose successor the predictions exclude get a distinct hollow grey mark at full
 * height: there is no probability to measure, which is different from "very surprising".
 */
public final class SurpriseStripFigure {

    private static final double PAD = 12;
    private static final double PLOT_HEIGHT = 120;
    private static final Rgb BAR = new Rgb(0x3b, 0x4a, 0x6b);

    private SurpriseStripFigure() {
    }

    public static SvgFigure render(String source, List<SurpriseMark> marks) {
        int n = marks.size();
        double max = 0;
        for (SurpriseMark m : marks) {
            max = m.excluded() ? max : Math.max(max, m.surprise());
        }
        double yMax = DivergingScale.niceLimit(max);
        double bar = Math.max(3, Math.min(22, Math.floor(900.0 / Math.max(1, n))));
        int tickFont = (int) Math.max(7, Math.min(10, bar - 1));
        int every = (int) Math.ceil((tickFont + 2) / bar);
        double longest = 0;
        for (int i = 0; i < n; i += every) {
            longest = Math.max(longest, SvgCanvas.textWidth(tick(marks.get(i), every), tickFont));
        }
        double left = PAD + 40;
        double top = PAD + 22;
        double plotW = n * bar;
        double baseY = top + PLOT_HEIGHT;
        String[] caption = {"surprise of the next token, -ln p in nats, at each position of story " + source,
            "hollow grey: the next token is excluded from predictions (<unk>), so it has no probability"};
        double captionY = baseY + longest * 0.71 + 18;
        double width = Math.ceil(Math.max(left + plotW + PAD, PAD * 2 + Legend.width(caption)));
        double height = Math.ceil(captionY + caption.length * 16 + PAD);

        SvgCanvas canvas = new SvgCanvas(width, height);
        canvas.text("-ln p (nats)", PAD, PAD + 10, 11, Legend.MUTED, SvgCanvas.Anchor.START, true);
        for (int i = 0; i <= 2; i++) {
            double v = yMax * i / 2;
            double y = baseY - PLOT_HEIGHT * i / 2;
            canvas.line(left - 4, y, left + plotW, y, new Rgb(0xdd, 0xdd, 0xdd), 0.5f);
            canvas.text(HalfEvenNumbers.plain(v), left - 6, y + 3.5, 10, Legend.INK, SvgCanvas.Anchor.END, false);
        }
        int drawn = 0;
        for (int i = 0; i < n; i++) {
            SurpriseMark m = marks.get(i);
            double x = left + i * bar;
            String value = m.excluded() ? "excluded" : HalfEvenNumbers.significant((float) m.surprise(), 6);
            canvas.beginGroup(SvgCanvas.attributes("class", "mark", "data-position", Integer.toString(m.position()),
                    "data-surprise", m.excluded() ? "excluded" : Double.toString(m.surprise())));
            canvas.title(m.position() + " " + Captions.quoted(m.token()) + " → next " + Captions.quoted(m.nextToken())
                    + (m.excluded() ? ": excluded from predictions, no probability"
                    : ": -ln p ≈ " + value + " nats (p ≈ " + HalfEvenNumbers.significant((float) Math.exp(-m.surprise()), 6)
                    + ")"));
            double inner = Math.max(1, bar - 1);
            if (m.excluded()) {
                canvas.fillRect(x, top, inner, PLOT_HEIGHT, CellEncoder.MASKED_FILL);
                canvas.strokeRect(x + 0.25, top + 0.25, inner - 0.5, PLOT_HEIGHT - 0.5, Legend.MUTED, 0.5f);
            } else {
                double h = PLOT_HEIGHT * m.surprise() / yMax;
                canvas.fillRect(x, baseY - h, inner, Math.max(h, 0.5), BAR);
            }
            canvas.endGroup();
            drawn++;
        }
        canvas.line(left, baseY, left + plotW, baseY, Legend.INK, 1f);
        for (int i = 0; i < n; i += every) {
            canvas.rotatedText(tick(marks.get(i), every), left + i * bar + bar / 2 + tickFont * 0.35, baseY + 6,
                    tickFont, Legend.INK, SvgCanvas.Anchor.END, -45);
        }
        Legend.caption(canvas, PAD, captionY, caption);
        String title = "Surprise across story " + source;
        String description = "Bar chart of -ln p of the actual next token at each of " + n + " positions of story "
                + source + ", 0 to " + HalfEvenNumbers.plain(yMax) + " nats. "
                + marks.stream().filter(SurpriseMark::excluded).count() + " positions have an excluded next token.";
        String svg = canvas.finish("surprise", title, description,
                SvgCanvas.attributes("data-source", source));
        return new SvgFigure(svg, title, description, 0, List.of());
    }

    private static String tick(SurpriseMark m, int every) {
        return every == 1 ? m.token() : m.position() + " " + m.token();
    }
}
