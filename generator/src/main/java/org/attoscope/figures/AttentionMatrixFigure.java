package org.attoscope.figures;

import java.util.List;
import org.attoscope.capture.Dtype;
import org.attoscope.trace.AttentionLink;

/**
 * One head's sparse attention across a whole story: queries as rows, keys as columns. Only nonzero weights become
 * cell elements (a 200-token story has at most 5 per row, so about 1000 instead of 40 000); the zero weights inside
 * each query's window are one background band per row in the scale's colour for 0, and everything a query cannot
 * see (later keys, keys before its sliding window) is neutral grey. Every cell has a tooltip; labels appear where
 * they fit.
 */
public final class AttentionMatrixFigure {

    private static final double GRID = 900;
    private static final int[] TICK_STEPS = {1, 2, 5, 10, 20, 50, 100};
    private static final double PAD = 12;
    private static final int LABEL_FONT = 9;

    private AttentionMatrixFigure() {
    }

    public static SvgFigure render(AttentionMatrix matrix) {
        ColorScale scale = ColorScale.sequential();
        int n = matrix.tokens().size();
        double cell = Math.max(3, Math.min(48, Math.floor(GRID / Math.max(1, n))));
        int axisFont = (int) Math.max(7, Math.min(10, cell - 2));
        int every = tickStep(1.6 * axisFont / cell);
        double labelW = 0;
        for (int i = 0; i < n; i += every) {
            labelW = Math.max(labelW, SvgCanvas.textWidth(tick(matrix, i, every), axisFont));
        }
        double left = PAD + labelW + 6;
        double top = PAD + 18 + labelW * 0.71 + 8;
        double gridSize = n * cell;
        Rgb accent = HeadColours.of(matrix.head());
        String[] caption = {
            "head " + matrix.head() + " of story " + matrix.source() + ": every nonzero weight of each query's top-k",
            "engine output fp32, labels to 6 significant digits where they fit; every cell has a tooltip",
            "colour " + scale.description() + "; grey: outside the query's causal window"};
        double legendY = top + gridSize + 14;
        double width = Math.ceil(Math.max(left + gridSize + PAD, PAD * 2 + Legend.width(caption)));
        double height = Math.ceil(legendY + Legend.HEIGHT + 8 + caption.length * 16 + PAD);

        SvgCanvas canvas = new SvgCanvas(width, height);
        canvas.fillRect(PAD, PAD, 10, 10, accent);
        canvas.text("head " + matrix.head() + "  ·  key →", PAD + 16, PAD + 9, 11, Legend.INK,
                SvgCanvas.Anchor.START, true);
        // Crisp edges: anti-aliased seams between the row bands would read as faint lines of weight.
        canvas.beginGroup(SvgCanvas.attributes("class", "window", "shape-rendering", "crispEdges"));
        canvas.fillRect(left, top, gridSize, gridSize, CellEncoder.MASKED_FILL);
        Rgb zero = scale.colour(0);
        for (AttentionRow row : matrix.rows()) {
            canvas.fillRect(left + row.contextStart() * cell, top + row.query() * cell,
                    (row.query() - row.contextStart() + 1) * cell, cell, zero);
        }
        canvas.endGroup();
        for (int i = 0; i < n; i += every) {
            String label = tick(matrix, i, every);
            canvas.text(label, left - 4, top + i * cell + cell / 2 + axisFont * 0.35, axisFont, Legend.INK,
                    SvgCanvas.Anchor.END, false);
            canvas.rotatedText(label, left + i * cell + cell / 2 + axisFont * 0.35, top - 4, axisFont, Legend.INK,
                    SvgCanvas.Anchor.START, -45);
        }
        int cells = 0;
        canvas.beginGroup(SvgCanvas.attributes("class", "cells", CellMarkup.TENSOR, matrix.tensor(),
                "shape-rendering", "crispEdges"));
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
                String at = "head " + matrix.head() + ", q=" + q + " " + Captions.quoted(matrix.tokens().get(q))
                        + " → k=" + k + " " + Captions.quoted(matrix.tokens().get(k));
                CellMarkup.draw(canvas, encoding, ValueKind.FLOAT, matrix.tensor(), List.of(q, k), at,
                        left + k * cell, top + q * cell, cell, cell, LABEL_FONT,
                        CellMarkup.fits(encoding.label(), LABEL_FONT, cell, cell));
                cells++;
            }
        }
        canvas.endGroup();
        canvas.strokeRect(left, top, gridSize, gridSize, accent, 1.5f);
        double x = Legend.colourBar(canvas, scale, PAD, legendY);
        Legend.swatch(canvas, CellEncoder.MASKED_FILL, "outside the window", x + 20, legendY);
        Legend.caption(canvas, PAD, legendY + Legend.HEIGHT + 8, caption);

        String title = "Attention of head " + matrix.head() + " across story " + matrix.source();
        String description = "Sparse attention matrix of head " + matrix.head() + " over the " + n
                + " tokens of story " + matrix.source() + ": " + cells + " nonzero weights, queries as rows and keys "
                + "as columns. Engine output fp32, labels to 6 significant digits where they fit. Colour "
                + scale.description() + ".";
        String svg = canvas.finish("attention-matrix", title, description,
                SvgCanvas.attributes(CellMarkup.SCALE, scale.id(), "data-source", matrix.source(), CellMarkup.TENSOR,
                        matrix.tensor(), "data-head", Integer.toString(matrix.head())));
        return new SvgFigure(svg, title, description, cells,
                List.of(new TensorUse(matrix.source(), matrix.tensor(), List.of(n, n), Dtype.F32, cells)));
    }

    /** The smallest of 1, 2, 5, 10, … positions between labels that is at least {@code minimum}. */
    private static int tickStep(double minimum) {
        for (int step : TICK_STEPS) {
            if (step >= minimum) {
                return step;
            }
        }
        return TICK_STEPS[TICK_STEPS.length - 1];
    }

    private static String tick(AttentionMatrix matrix, int i, int every) {
        return every == 1 ? matrix.tokens().get(i) : i + " " + matrix.tokens().get(i);
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
