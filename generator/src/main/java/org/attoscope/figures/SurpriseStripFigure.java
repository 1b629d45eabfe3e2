package org.attoscope.figures;

import java.util.List;

/**
 * A strip of the model's surprise (-ln p of the token that actually follows) across a story, one bar per token
 * that has a successor. Tokens whose successor the predictions exclude get a distinct hollow grey mark at full
 * height: there is no probability to measure, which is different from "very surprising". Each mark is one
 * {@code <path class="mark" data-position data-surprise>}, the surprise to 6 significant digits, without a
 * {@code <title>}: the explorer's readout names the mark under the pointer (195 titles were a third of the strip's
 * bytes and elements).
 */
public final class SurpriseStripFigure {

    private static final double PAD = 12;
    private static final double PLOT_HEIGHT = 120;
    private static final Rgb BAR = new Rgb(0x3b, 0x4a, 0x6b);
    private static final Rgb GRIDLINE = new Rgb(0xdd, 0xdd, 0xdd);

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
        // Long strips: ticks on round positions (multiples of 5), fewer labels to lay out on a phone.
        every = every <= 2 ? every : (int) Math.ceil(every / 5.0) * 5;
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

        SvgWriter svg = new SvgWriter();
        svg.open("g", "font-family", "sans-serif");
        svg.text("-ln p (nats)", PAD, PAD + 10, 11, Legend.MUTED, "start", "font-weight", "bold");
        for (int i = 0; i <= 2; i++) {
            double v = yMax * i / 2;
            double y = baseY - PLOT_HEIGHT * i / 2;
            svg.box(left - 4, y - 0.25, plotW + 4, 0.5, GRIDLINE);
            svg.text(HalfEvenNumbers.plain(v), left - 6, y + 3.5, 10, Legend.INK, "end");
        }
        // One element per mark and nothing else: a long story has a mark per token. Its words (position, tokens,
        // -ln p and p) are the explorer's to say, in the figure's readout, from the points the page embeds.
        // The marks' origin is the baseline under the first bar's centre, y pointing up: a bar is a stroke as wide
        // as the bar from (i * bar, 0) up by its height.
        double inner = Math.max(1, bar - 1);
        svg.open("g", "class", "marks", "transform", "translate(" + HalfEvenNumbers.geometry(left + inner / 2) + " "
                + HalfEvenNumbers.geometry(baseY) + ")scale(1 -1)", "data-height", HalfEvenNumbers.geometry(PLOT_HEIGHT),
                "stroke", BAR.hex(), "stroke-width",
                HalfEvenNumbers.geometry(inner), "shape-rendering", "crispEdges");
        for (int i = 0; i < n; i++) {
            SurpriseMark m = marks.get(i);
            String x = HalfEvenNumbers.geometry(i * bar);
            if (m.excluded()) {
                svg.empty("path", "class", "mark", "data-position", Integer.toString(m.position()), "data-surprise",
                        "excluded", "fill", CellEncoder.MASKED_FILL.hex(), "stroke", Legend.MUTED.hex(),
                        "stroke-width", "0.5", "d", "M" + HalfEvenNumbers.geometry(i * bar - inner / 2) + " 0h"
                                + HalfEvenNumbers.geometry(inner) + "v" + HalfEvenNumbers.geometry(PLOT_HEIGHT) + "h"
                                + HalfEvenNumbers.geometry(-inner) + "z");
            } else {
                double h = Math.max(PLOT_HEIGHT * m.surprise() / yMax, 0.5);
                svg.empty("path", "class", "mark", "data-position", Integer.toString(m.position()), "data-surprise",
                        HalfEvenNumbers.significant((float) m.surprise(), 6), "d", "M" + x + " 0v" + HalfEvenNumbers.geometry(h));
            }
        }
        svg.close("g");
        svg.box(left, baseY - 0.5, plotW, 1, Legend.INK);
        svg.open("g", "font-size", Integer.toString(tickFont), "fill", Legend.INK.hex(), "text-anchor", "end");
        for (int i = 0; i < n; i += every) {
            double x = left + i * bar + bar / 2 + tickFont * 0.35;
            double y = baseY + 6;
            svg.textElement("text", tick(marks.get(i), every), "transform",
                    "translate(" + HalfEvenNumbers.geometry(x) + " " + HalfEvenNumbers.geometry(y) + ")rotate(-45)");
        }
        svg.close("g");
        Legend.captionLines(svg, PAD, captionY, caption);
        svg.close("g");
        String title = "Surprise across story " + source;
        String description = "Bar chart of -ln p of the actual next token at each of " + n + " positions of story "
                + source + ", 0 to " + HalfEvenNumbers.plain(yMax) + " nats. "
                + marks.stream().filter(SurpriseMark::excluded).count() + " positions have an excluded next token.";
        String markup = svg.figure("surprise", width, height, title, description, "data-source", source);
        return new SvgFigure(markup, title, description, 0, List.of());
    }

    private static String tick(SurpriseMark m, int every) {
        return every == 1 ? m.token() : m.position() + " " + m.token();
    }
}
