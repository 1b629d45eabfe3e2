package org.attoscope.figures;

import java.util.List;

/**
 * The top rows of a logits vector: rank, token and id, a bar from zero, and the logit as a {@link CellMarkup} cell
 * (bits, index, label, tooltip). States the exact argmax (ties to the lower id) in the figure and its description.
 * The colour scale is {@link ColorScale#forValues} of the whole vector, so a checker derives it the same way.
 */
public final class LogitsFigure {

    private static final double PAD = 12;
    private static final double ROW = 24;
    private static final double BAR_MAX = 260;
    private static final int FONT = 11;

    private LogitsFigure() {
    }

    public static SvgFigure render(LogitsVector vector, int rows) {
        if (rows < 1) {
            throw new FigureException("a logits figure needs at least one row, got " + rows + ".",
                    "ask for rows=1 or more.");
        }
        ColorScale scale = ColorScale.forValues(vector.logits());
        int[] top = Argmax.top(vector.logits(), rows);
        int argmax = top[0];
        double tokenW = 0;
        for (int id : top) {
            tokenW = Math.max(tokenW, SvgCanvas.textWidth(vector.vocabulary().get(id) + "  #" + id, FONT));
        }
        double maxAbs = 0;
        for (int id : top) {
            maxAbs = Math.max(maxAbs, Math.abs(vector.logits()[id]));
        }
        boolean anyNegative = vector.logits()[top[top.length - 1]] < 0;
        double rankX = PAD + 24;
        double tokenX = rankX + 10;
        double zeroX = tokenX + tokenW + 14 + (anyNegative ? BAR_MAX / 2 : 0);
        double barSpan = anyNegative ? BAR_MAX / 2 : BAR_MAX;
        double cellX = tokenX + tokenW + 14 + BAR_MAX + 12;
        double cellW = 96;
        double top0 = PAD + 24;
        String argmaxWord = vector.vocabulary().get(argmax);
        String where = vector.tensor() + " " + Captions.slice(vector.leadingIndex(), 1) + " of shape "
                + Captions.shape(vector.shape()) + Captions.step(vector.tensor()) + ", from capture "
                + vector.source();
        String[] caption = {where,
            Captions.precision(vector.dtype()) + "; top " + top.length + " of " + vector.logits().length + " logits",
            "argmax (exact, ties to the lower id): " + Captions.quoted(argmaxWord) + " id " + argmax
                    + ", logit " + ValueLabels.exact(vector.logits()[argmax])};
        double legendY = top0 + top.length * ROW + 12;
        double width = Math.ceil(Math.max(cellX + cellW + PAD, PAD * 2 + Legend.width(caption)));
        double height = Math.ceil(legendY + Legend.HEIGHT + 8 + caption.length * 16 + PAD);

        SvgCanvas canvas = new SvgCanvas(width, height);
        canvas.text("rank", rankX, PAD + 11, 10, Legend.MUTED, SvgCanvas.Anchor.END, true);
        canvas.text("token  #id", tokenX, PAD + 11, 10, Legend.MUTED, SvgCanvas.Anchor.START, true);
        canvas.text("logit", cellX + cellW / 2, PAD + 11, 10, Legend.MUTED, SvgCanvas.Anchor.MIDDLE, true);
        canvas.line(zeroX, top0 - 4, zeroX, top0 + top.length * ROW, Legend.MUTED, 1f);
        canvas.beginGroup(SvgCanvas.attributes("class", "cells", CellMarkup.TENSOR, vector.tensor()));
        for (int r = 0; r < top.length; r++) {
            int id = top[r];
            float logit = vector.logits()[id];
            double y = top0 + r * ROW;
            String word = vector.vocabulary().get(id);
            canvas.text(Integer.toString(r + 1), rankX, y + 15, FONT, Legend.INK, SvgCanvas.Anchor.END, r == 0);
            canvas.text(word + "  #" + id, tokenX, y + 15, FONT, Legend.INK, SvgCanvas.Anchor.START, r == 0);
            double len = maxAbs == 0 ? 0 : barSpan * Math.abs(logit) / maxAbs;
            CellEncoding cell = CellEncoder.encode(logit, scale, ValueKind.FLOAT);
            canvas.fillRect(logit >= 0 ? zeroX : zeroX - len, y + 4, Math.max(len, 0.5), ROW - 8,
                    r == 0 ? HeadColours.HEAD_1 : new Rgb(0x8a, 0x96, 0xab));
            CellMarkup.draw(canvas, cell, ValueKind.FLOAT, vector.tensor(), vector.indexOf(id),
                    "rank " + (r + 1) + ", " + Captions.quoted(word) + " id " + id, cellX, y + 1, cellW, ROW - 2,
                    FONT, true);
        }
        canvas.endGroup();
        Legend.colourBar(canvas, scale, PAD, legendY);
        Legend.caption(canvas, PAD, legendY + Legend.HEIGHT + 8, caption);

        String title = "Top " + top.length + " logits of " + vector.tensor() + "; argmax " + Captions.quoted(argmaxWord);
        String description = "The " + top.length + " largest of " + vector.logits().length + " logits in " + where
                + ", largest first. The exact argmax, ties resolved to the lower id, is " + Captions.quoted(argmaxWord)
                + " (id " + argmax + ", logit " + ValueLabels.exact(vector.logits()[argmax]) + "). "
                + Captions.precision(vector.dtype()) + ".";
        String svg = canvas.finish("logits", title, description,
                SvgCanvas.attributes(CellMarkup.SCALE, scale.id(), "data-source", vector.source(), CellMarkup.TENSOR,
                        vector.tensor(), "data-argmax", Integer.toString(argmax)));
        return new SvgFigure(svg, title, description, top.length,
                List.of(new TensorUse(vector.source(), vector.tensor(), vector.shape(), vector.dtype(), top.length)));
    }
}
