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
 * <p>Markup ({@link CellMarkup#strokeCell}): each kept link is one element
 * {@code <path data-bits="…" stroke="…" d="M{k} {q}h1"/>}, a stroke one unit long and one unit wide, under a
 * {@code <g class="cells" data-tensor="points.heads[H]">} whose transform puts the grid's top-left half a cell
 * above the origin and scales a unit to a cell; where a label fits, a {@code <g data-bits>} holding the stroke (in
 * pixels: {@code M{k*cell} {q*cell}h{cell}}) and its label, under a second, unscaled {@code g.cells}. Query and key
 * are where the cell is drawn (the stroke's length is the unit), not attributes beside it, so a reader that takes
 * them from the geometry checks what is seen; {@link DrawnCells} reads them back. About 55 bytes a cell, no group
 * per row: a page's bytes and element count are what a phone pays for. Cells carry no {@code <title>}:
 * the explorer shows the hovered or focused cell's exact value, and a few thousand titles would double the page.
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
        // the window in cell units (the grid's top-left the origin, a unit one cell), for short numbers
        String grid = "translate(" + HalfEvenNumbers.geometry(left) + " " + HalfEvenNumbers.geometry(top) + ")";
        svg.empty("path", "class", "window", "transform", grid + "scale(" + cell + ")", "fill", DROPPED_FILL.hex(),
                "shape-rendering", "crispEdges", "d", window(matrix, 0, 0, 1));
        // row i's name sits right of its diagonal cell, at (i * cell, i * cell) from the group's origin
        svg.open("g", "class", "ticks", "transform", "translate(" + HalfEvenNumbers.geometry(left + cell + 4) + " "
                + HalfEvenNumbers.geometry(top + cell / 2.0 + axisFont * 0.35) + ")", "font-family", "sans-serif",
                "font-size", Integer.toString(axisFont), "fill", Legend.INK.hex());
        for (int i = 0; i < n; i += labelEvery(n)) {
            String at = Integer.toString(i * cell);
            svg.textElement("text", tick(matrix, i), "x", at, "y", at);
        }
        svg.close("g");

        // Two groups of cells, both with their origin at the grid's top-left moved down half a cell, so a cell is a
        // horizontal stroke one unit long from (k, q) units: in cell units (scaled by the cell size, the shortest
        // numbers) for a cell without a label, in pixels for one with a label (text is not drawn scaled).
        StringBuilder plain = new StringBuilder();
        StringBuilder labelled = new StringBuilder();
        int cells = 0;
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
                if (CellMarkup.fits(encoding.label(), LABEL_FONT, cell, cell)) {
                    SvgWriter c = new SvgWriter();
                    c.open("g", CellMarkup.BITS, encoding.bits());
                    c.empty("path", "stroke", encoding.fillHex(), "d", CellMarkup.strokeCell(k, q, cell));
                    c.textElement("text", encoding.label(), "x", HalfEvenNumbers.geometry(k * (double) cell + cell / 2.0),
                            "y", HalfEvenNumbers.geometry(q * (double) cell + LABEL_FONT * 0.35), "fill",
                            encoding.labelColourHex());
                    labelled.append(c.close("g").markup());
                } else {
                    plain.append(new SvgWriter().empty("path", CellMarkup.BITS, encoding.bits(), "stroke",
                            encoding.fillHex(), "d", CellMarkup.strokeCell(k, q, 1)).markup());
                }
                cells++;
            }
        }
        String origin = "translate(" + HalfEvenNumbers.geometry(left) + " " + HalfEvenNumbers.geometry(top + cell / 2.0) + ")";
        if (plain.length() > 0) {
            svg.open("g", "class", "cells", CellMarkup.TENSOR, matrix.tensor(), "transform", origin + "scale(" + cell + ")",
                    "stroke-width", "1", "shape-rendering", "crispEdges");
            svg.raw(plain).close("g");
        }
        if (labelled.length() > 0) {
            svg.open("g", "class", "cells", CellMarkup.TENSOR, matrix.tensor(), "transform", origin,
                    "stroke-width", Integer.toString(cell), "shape-rendering", "crispEdges", "font-family", "sans-serif",
                    "font-size", Integer.toString(LABEL_FONT), "text-anchor", "middle");
            svg.raw(labelled).close("g");
        }
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

    /**
     * The keys each query's window sees, as one outline: down the diagonal's right edge row by row, then back up
     * the windows' left edges (a window never starts before the one above it). Rows without a point stay grey.
     */
    static String window(AttentionMatrix matrix, double left, double top, int cell) {
        int n = matrix.tokens().size();
        int[] start = new int[n];
        boolean[] has = new boolean[n];
        for (AttentionRow row : matrix.rows()) {
            start[row.query()] = row.contextStart();
            has[row.query()] = true;
        }
        StringBuilder d = new StringBuilder();
        int q = 0;
        while (q < n) {
            if (!has[q]) {
                q++;
                continue;
            }
            int end = q;
            while (end + 1 < n && has[end + 1] && start[end + 1] >= start[end]) {
                end++;
            }
            // rows q..end: right edge steps down the diagonal, left edge climbs back over the window starts
            d.append('M').append(HalfEvenNumbers.geometry(left + (double) start[q] * cell)).append(' ')
                    .append(HalfEvenNumbers.geometry(top + (double) q * cell))
                    .append('H').append(HalfEvenNumbers.geometry(left + (double) (q + 1) * cell));
            for (int r = q; r <= end; r++) {
                d.append('v').append(cell);
                if (r < end) {
                    d.append('h').append(cell);
                }
            }
            d.append('H').append(HalfEvenNumbers.geometry(left + (double) start[end] * cell));
            for (int r = end; r > q; r--) {
                if (start[r] != start[r - 1]) {
                    d.append('V').append(HalfEvenNumbers.geometry(top + (double) r * cell))
                            .append('H').append(HalfEvenNumbers.geometry(left + (double) start[r - 1] * cell));
                }
            }
            d.append('z');
            q = end + 1;
        }
        return d.toString();
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
