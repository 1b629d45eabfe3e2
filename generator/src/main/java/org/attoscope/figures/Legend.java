package org.attoscope.figures;

/** The colour key figures draw under their cells: the scale as a bar with its ends and centre labelled. */
final class Legend {

    static final Rgb INK = new Rgb(0x22, 0x22, 0x22);
    static final Rgb MUTED = new Rgb(0x55, 0x55, 0x55);
    static final int HEIGHT = 34;
    private static final int STRIPES = 64;
    private static final double BAR_WIDTH = 192;

    private Legend() {
    }

    /** Draws the bar with its top-left at (x, y); returns the x just after what it drew. */
    static double colourBar(SvgCanvas canvas, ColorScale scale, double x, double y) {
        ScaleDomain d = scale.domain();
        double stripe = BAR_WIDTH / STRIPES;
        canvas.beginGroup(SvgCanvas.attributes("class", "legend"));
        for (int i = 0; i < STRIPES; i++) {
            // Each stripe shows the scale at its centre, so the bar is the scale itself, not an approximation.
            double value = d.min() + (d.max() - d.min()) * (i + 0.5) / STRIPES;
            canvas.fillRect(x + i * stripe, y, stripe + 0.01, 12, scale.colour(value));
        }
        canvas.strokeRect(x, y, BAR_WIDTH, 12, MUTED, 0.5f);
        double middle = (d.min() + d.max()) / 2;
        canvas.text(HalfEvenNumbers.plain(d.min()), x, y + 25, 10, INK, SvgCanvas.Anchor.START, false);
        canvas.text(HalfEvenNumbers.plain(middle), x + BAR_WIDTH / 2, y + 25, 10, INK, SvgCanvas.Anchor.MIDDLE, false);
        canvas.text(HalfEvenNumbers.plain(d.max()), x + BAR_WIDTH, y + 25, 10, INK, SvgCanvas.Anchor.END, false);
        canvas.endGroup();
        return x + BAR_WIDTH;
    }

    /** A small swatch with a phrase beside it; returns the x just after it. */
    static double swatch(SvgCanvas canvas, Rgb fill, String text, double x, double y) {
        canvas.fillRect(x, y, 12, 12, fill);
        canvas.strokeRect(x, y, 12, 12, MUTED, 0.5f);
        canvas.text(text, x + 17, y + 10, 10, INK, SvgCanvas.Anchor.START, false);
        return x + 17 + SvgCanvas.textWidth(text, 10);
    }

    /** Caption lines from (x, y) downwards; returns the y below them. */
    static double caption(SvgCanvas canvas, double x, double y, String... lines) {
        double line = y;
        for (String text : lines) {
            canvas.text(text, x, line + 11, 11, INK, SvgCanvas.Anchor.START, false);
            line += 16;
        }
        return line;
    }

    /** Caption lines written by hand ({@link SvgWriter}); returns the y below them. */
    static double captionLines(SvgWriter svg, double x, double y, String... lines) {
        double line = y;
        for (String text : lines) {
            svg.text(text, x, line + 11, 11, INK, "start", "font-family", "sans-serif");
            line += 16;
        }
        return line;
    }

    static double width(String... lines) {
        double w = 0;
        for (String text : lines) {
            w = Math.max(w, SvgCanvas.textWidth(text, 11));
        }
        return w;
    }
}
