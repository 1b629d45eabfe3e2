package org.attoscope.figures;

import java.util.ArrayList;
import java.util.List;

/**
 * Every cell of one [rows, cols] slice, queries as rows and keys as columns, each cell a {@link CellMarkup} element
 * with its float's bits, tensor, index, tooltip and (where it fits) its label. Causal-masked cells are drawn in a
 * neutral grey the scale never produces. Cells are as wide as the longest label needs, so in the small captures
 * lessons use every cell is labelled; only very large slices fall back to tooltips.
 */
public final class HeatmapFigure {

    private static final double MAX_GRID_WIDTH = 1100;
    private static final int FONT = 10;
    private static final int MIN_FONT = 7;
    private static final double CELL_HEIGHT = 26;
    private static final double PAD = 12;

    private HeatmapFigure() {
    }

    /** Draws the slice with {@link ColorScale#forValues} of its values. */
    public static SvgFigure render(TensorSlice slice) {
        return render(slice, ColorScale.forValues(slice.values()));
    }

    public static SvgFigure render(TensorSlice slice, ColorScale scale) {
        int rows = slice.rows();
        int cols = slice.cols();
        CellEncoding[] cells = new CellEncoding[rows * cols];
        int longest = 1;
        for (int q = 0; q < rows; q++) {
            for (int k = 0; k < cols; k++) {
                CellEncoding cell = encode(slice, scale, q, k);
                cells[q * cols + k] = cell;
                longest = Math.max(longest, cell.label().length());
            }
        }
        int font = FONT;
        double cellW = longest * SvgCanvas.CHAR_EM * font + 10;
        double cellH = CELL_HEIGHT;
        if (cols * cellW > MAX_GRID_WIDTH) {
            cellW = Math.floor(MAX_GRID_WIDTH / cols);
            font = (int) Math.floor((cellW - 6) / (longest * SvgCanvas.CHAR_EM));
            if (font < MIN_FONT) {
                cellH = Math.max(4, cellW);
            }
        }

        int axisFont = 11;
        double rowLabelW = 0;
        for (String label : slice.rowLabels()) {
            rowLabelW = Math.max(rowLabelW, SvgCanvas.textWidth(label, axisFont));
        }
        double colLabelW = 0;
        for (String label : slice.colLabels()) {
            colLabelW = Math.max(colLabelW, SvgCanvas.textWidth(label, axisFont));
        }
        boolean rotateColumns = colLabelW > cellW - 4;
        double left = PAD + Math.max(rowLabelW, SvgCanvas.textWidth("query ↓", axisFont)) + 8;
        double top = PAD + 16 + (rotateColumns ? colLabelW * 0.71 + 14 : 18);
        double gridW = cols * cellW;
        double gridH = rows * cellH;

        String where = slice.tensor() + " " + Captions.slice(slice.sliceIndex(), 2) + " of shape "
                + Captions.shape(slice.shape()) + Captions.step(slice.tensor()) + ", from capture " + slice.source();
        String precision = Captions.precision(slice.dtype());
        String[] caption = slice.causal()
                ? new String[] {where, precision, "colour " + scale.description()
                        + "; grey: causal-masked (key after query)"}
                : new String[] {where, precision, "colour " + scale.description()};
        double width = Math.ceil(Math.max(left + gridW + PAD, PAD * 2 + Math.max(Legend.width(caption), 420)));
        double legendY = top + gridH + 16;
        double height = Math.ceil(legendY + Legend.HEIGHT + 8 + caption.length * 16 + PAD);

        SvgCanvas canvas = new SvgCanvas(width, height);
        canvas.text("key →", left, PAD + 11, axisFont, Legend.MUTED, SvgCanvas.Anchor.START, true);
        canvas.text("query ↓", left - 8, PAD + 11, axisFont, Legend.MUTED, SvgCanvas.Anchor.END, true);
        for (int k = 0; k < cols; k++) {
            double cx = left + k * cellW + cellW / 2;
            if (rotateColumns) {
                canvas.rotatedText(slice.colLabels().get(k), cx, top - 6, axisFont, Legend.INK,
                        SvgCanvas.Anchor.START, -45);
            } else {
                canvas.text(slice.colLabels().get(k), cx, top - 6, axisFont, Legend.INK, SvgCanvas.Anchor.MIDDLE,
                        false);
            }
        }
        for (int q = 0; q < rows; q++) {
            canvas.text(slice.rowLabels().get(q), left - 8, top + q * cellH + cellH / 2 + 4, axisFont, Legend.INK,
                    SvgCanvas.Anchor.END, false);
        }
        canvas.beginGroup(SvgCanvas.attributes("class", "cells", CellMarkup.TENSOR, slice.tensor()));
        for (int q = 0; q < rows; q++) {
            for (int k = 0; k < cols; k++) {
                CellEncoding cell = cells[q * cols + k];
                String at = "q=" + q + " " + Captions.quoted(slice.rowLabels().get(q)) + " → k=" + k + " "
                        + Captions.quoted(slice.colLabels().get(k));
                CellMarkup.draw(canvas, cell, ValueKind.FLOAT, slice.tensor(), slice.indexOf(q, k), at,
                        left + k * cellW, top + q * cellH, cellW, cellH, font,
                        font >= MIN_FONT && CellMarkup.fits(cell.label(), font, cellW, cellH));
            }
        }
        canvas.endGroup();
        // Hairlines between cells keep neighbouring equal fills readable as separate cells.
        for (int q = 0; q <= rows; q++) {
            canvas.line(left, top + q * cellH, left + gridW, top + q * cellH, Rgb.WHITE, 1f);
        }
        for (int k = 0; k <= cols; k++) {
            canvas.line(left + k * cellW, top, left + k * cellW, top + gridH, Rgb.WHITE, 1f);
        }

        double x = Legend.colourBar(canvas, scale, PAD, legendY);
        if (slice.causal()) {
            Legend.swatch(canvas, CellEncoder.MASKED_FILL, "causal-masked", x + 20, legendY);
        }
        Legend.caption(canvas, PAD, legendY + Legend.HEIGHT + 8, caption);

        String title = "Heatmap of " + slice.tensor() + " " + Captions.slice(slice.sliceIndex(), 2);
        String description = "Every cell of " + where + ": " + rows + " query rows ("
                + String.join(" ", slice.rowLabels()) + ") by " + cols + " key columns; " + precision + ". Colour "
                + scale.description() + "." + (slice.causal() ? " Cells whose key comes after their query are "
                + "causal-masked and hold exactly 0." : "");
        String svg = canvas.finish("heatmap", title, description,
                SvgCanvas.attributes(CellMarkup.SCALE, scale.id(), "data-source", slice.source(), CellMarkup.TENSOR,
                        slice.tensor()));
        List<TensorUse> used = new ArrayList<>();
        used.add(new TensorUse(slice.source(), slice.tensor(), slice.shape(), slice.dtype(), rows * cols));
        return new SvgFigure(svg, title, description, rows * cols, used);
    }

    private static CellEncoding encode(TensorSlice slice, ColorScale scale, int q, int k) {
        try {
            return CellEncoder.encode(slice.value(q, k), scale, ValueKind.FLOAT, slice.masked(q, k));
        } catch (FigureException e) {
            throw new FigureException(slice.tensor() + " " + Captions.shape(slice.indexOf(q, k)) + " in capture "
                    + slice.source() + ": " + e.problem(), e.fix(), e);
        }
    }
}
