package org.attoscope.figures;

import java.util.List;
import org.attoscope.capture.Dtype;
import org.attoscope.trace.AttentionLink;

/**
 * One head's sparse attention across a whole story: queries as rows, keys as columns, drawn at a size that reads at
 * any length. Cells never shrink below {@link #MIN_CELL} pixels; a long story's matrix is larger than the page and
 * the page shows it through a scrolling window that follows the selected point. Every row is labelled with its
 * position and token on the diagonal (where key = query), so a row or a column is found without an axis that
 * scrolls away (every row up to 64 tokens, then every second or third).
 *
 * <p>Three kinds of cell look apart: a link the top-k kept (coloured by its weight, down to navy for the smallest);
 * a key inside the query's window that top-k dropped (weight exactly 0, near-white); and a key the query cannot
 * see (later, or before its sliding window: grey).
 *
 * <p>Markup: each kept link is one element {@code <path data-q="Q" data-k="K" data-bits="…" fill="…">} (a
 * {@code <g data-q data-k data-bits>} holding the path and its label where the label fits) under a
 * {@code <g class="cells" data-tensor="points.heads[H]">}; {@link DrawnCells} reads them back. No group per row:
 * a page's element count is what a phone pays for. Cells carry no {@code <title>}: the explorer shows the hovered or focused cell's exact value, and a
 * few thousand titles would double the page.
 */
public final class AttentionMatrixFigure {

    /** Rows and columns this many pixels or more keep 10-pixel labels legible on every row. */
    static final int MIN_CELL = 12;
    private static final int MAX_CELL = 48;
    private static final double GRID = 900;
    private static final double PAD = 12;
    private static final int LABEL_FONT = 9;
    private static final int LEGEND_STRIPES = 12;
    /** A key inside the query's window that top-k dropped: weight exactly 0. */
    public static final Rgb DROPPED_FILL = new Rgb(0xf6, 0xf4, 0xef);
    /** A key the query cannot see. */
    public static final Rgb UNSEEN_FILL = new Rgb(0xd2, 0xd2, 0xd2);

    private AttentionMatrixFigure() {
    }

    public static SvgFigure render(AttentionMatrix matrix) {
        ColorScale scale = ColorScale.sequential();
        int n = matrix.tokens().size();
        int cell = (int) Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor(GRID / Math.max(1, n))));
        int axisFont = Math.min(11, cell - 2);
        double labelW = 0;
        for (int i = 0; i < n; i++) {
            labelW = Math.max(labelW, SvgCanvas.textWidth(tick(matrix, i), axisFont));
        }
        String[] caption = {
            "head " + matrix.head() + " of story " + matrix.source() + ": every link each query kept (its top-"
                    + "k), as a weight; row = query, column = key; the diagonal names both",
            "engine output fp32; " + scale.description() + "; choose a cell for its exact value"};
        double left = PAD;
        double legendY = PAD + 22;
        double top = legendY + 36 + caption.length * 16 + 8;
        double gridSize = (double) n * cell;
        double width = Math.ceil(Math.max(left + gridSize + 4 + labelW + PAD, PAD * 2 + Legend.width(caption)));
        double height = Math.ceil(top + gridSize + PAD);
        Rgb accent = HeadColours.of(matrix.head());

        SvgWriter svg = new SvgWriter();
        svg.box(PAD, PAD, 10, 10, accent);
        svg.text("head " + matrix.head() + " · query ↓ · key →", PAD + 16, PAD + 9, 11, Legend.INK, "start",
                "font-weight", "bold");
        legend(svg, scale, PAD, legendY);
        Legend.captionLines(svg, PAD, legendY + 36, caption);

        // One path each for what the queries cannot see and what top-k dropped: a few elements, not one per row.
        svg.box(left, top, gridSize, gridSize, UNSEEN_FILL, "class", "unseen");
        StringBuilder window = new StringBuilder();
        for (AttentionRow row : matrix.rows()) {
            window.append('M').append(HalfEvenNumbers.geometry(left + (double) row.contextStart() * cell)).append(' ')
                    .append(HalfEvenNumbers.geometry(top + (double) row.query() * cell)).append('h')
                    .append((row.query() - row.contextStart() + 1) * cell).append('v').append(cell).append('h')
                    .append(-(row.query() - row.contextStart() + 1) * cell).append('z');
        }
        svg.empty("path", "class", "window", "fill", DROPPED_FILL.hex(), "shape-rendering", "crispEdges", "d",
                window.toString());
        svg.open("g", "class", "ticks", "font-family", "sans-serif");
        for (int i = 0; i < n; i += labelEvery(n)) {
            svg.text(tick(matrix, i), left + (double) (i + 1) * cell + 4, top + i * (double) cell + cell / 2.0
                    + axisFont * 0.35, axisFont, Legend.INK, "start");
        }
        svg.close("g");

        int cells = 0;
        svg.open("g", "class", "cells", CellMarkup.TENSOR, matrix.tensor(), "shape-rendering", "crispEdges",
                "font-family", "sans-serif");
        for (AttentionRow row : matrix.rows()) {
            for (AttentionLink link : row.links()) {
                // the trace's weight is the engine's float32, widened: narrowing it gives back those exact bits
                float weight = (float) link.weight();
                if (weight == 0) {
                    continue;
                }
                int q = row.query();
                int k = link.source();
                CellEncoding encoding = encode(matrix, weight, q, k);
                double x = left + (double) k * cell;
                double y = top + (double) q * cell;
                if (CellMarkup.fits(encoding.label(), LABEL_FONT, cell, cell)) {
                    svg.open("g", "data-q", Integer.toString(q), "data-k", Integer.toString(k), CellMarkup.BITS,
                            encoding.bits());
                    svg.box(x, y, cell, cell, encoding.fill());
                    svg.text(encoding.label(), x + cell / 2.0, y + cell / 2.0 + LABEL_FONT * 0.35, LABEL_FONT,
                            encoding.labelColour(), "middle");
                    svg.close("g");
                } else {
                    svg.box(x, y, cell, cell, encoding.fill(), "data-q", Integer.toString(q), "data-k",
                            Integer.toString(k), CellMarkup.BITS, encoding.bits());
                }
                cells++;
            }
        }
        svg.close("g");
        svg.empty("rect", "class", "frame", "x", HalfEvenNumbers.geometry(left), "y", HalfEvenNumbers.geometry(top), "width",
                HalfEvenNumbers.geometry(gridSize), "height", HalfEvenNumbers.geometry(gridSize), "fill", "none", "stroke",
                accent.hex(), "stroke-width", "1.5");

        String title = "Attention of head " + matrix.head() + " across story " + matrix.source();
        String description = "Sparse attention matrix of head " + matrix.head() + " over the " + n
                + " tokens of story " + matrix.source() + ": " + cells + " nonzero weights, queries as rows and keys "
                + "as columns. Engine output fp32. Colour " + scale.description() + "; near-white: dropped by top-k "
                + "(exactly 0); grey: not visible to the query.";
        String markup = svg.figure("attention-matrix", width, height, title, description,
                CellMarkup.SCALE, scale.id(), "data-source", matrix.source(), CellMarkup.TENSOR, matrix.tensor(),
                "data-head", Integer.toString(matrix.head()), "data-cell", Integer.toString(cell), "data-x0",
                HalfEvenNumbers.geometry(left), "data-y0", HalfEvenNumbers.geometry(top));
        return new SvgFigure(markup, title, description, cells,
                List.of(new TensorUse(matrix.source(), matrix.tensor(), List.of(n, n), Dtype.F32, cells)));
    }

    /** The colour bar (each stripe the scale at its centre) and the two swatches for cells without a weight. */
    private static void legend(SvgWriter svg, ColorScale scale, double x, double y) {
        double barW = 160;
        double stripe = barW / LEGEND_STRIPES;
        svg.open("g", "class", "legend", "font-family", "sans-serif");
        ScaleDomain d = scale.domain();
        for (int i = 0; i < LEGEND_STRIPES; i++) {
            double value = d.min() + (d.max() - d.min()) * (i + 0.5) / LEGEND_STRIPES;
            svg.box(x + i * stripe, y, stripe + 0.01, 12, scale.colour(value));
        }
        svg.text(HalfEvenNumbers.plain(d.min()), x, y + 25, 10, Legend.INK, "start");
        svg.text(HalfEvenNumbers.plain(d.max()), x + barW, y + 25, 10, Legend.INK, "end");
        svg.text("kept link: weight", x + barW / 2, y + 25, 10, Legend.INK, "middle");
        double sx = x + barW + 18;
        for (Object[] swatch : new Object[][] {{DROPPED_FILL, "dropped by top-k: exactly 0"},
            {UNSEEN_FILL, "not visible (later, or before the window)"}}) {
            svg.box(sx, y, 12, 12, (Rgb) swatch[0], "stroke", Legend.MUTED.hex(), "stroke-width", "0.5");
            svg.text((String) swatch[1], sx + 17, y + 10, 10, Legend.INK, "start");
            sx += 17 + SvgCanvas.textWidth((String) swatch[1], 10) + 14;
        }
        svg.close("g");
    }

    /** Every row is labelled up to 64 tokens, every second up to 150, then every third (the explorer names any
     *  cell the reader points at). */
    static int labelEvery(int n) {
        return n <= 64 ? 1 : n <= 150 ? 2 : 3;
    }

    private static String tick(AttentionMatrix matrix, int i) {
        return i + " " + matrix.tokens().get(i);
    }

    private static CellEncoding encode(AttentionMatrix matrix, float weight, int q, int k) {
        try {
            return CellEncoder.encode(weight, ColorScale.sequential(), ValueKind.FLOAT);
        } catch (FigureException e) {
            throw new FigureException("story " + matrix.source() + ", head " + matrix.head() + ", q=" + q + ", k=" + k
                    + ": " + e.problem(), e.fix(), e);
        }
    }
}
