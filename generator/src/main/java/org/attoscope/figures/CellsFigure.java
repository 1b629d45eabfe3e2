package org.attoscope.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attoscope.capture.Dtype;

/** A few labelled cells of any tensors, each with its tensor and index written under it. */
public final class CellsFigure {

    private static final double PAD = 12;
    private static final double CELL_W = 112;
    private static final double CELL_H = 34;
    private static final double GAP = 12;
    private static final int PER_ROW = 6;
    private static final int FONT = 12;

    private CellsFigure() {
    }

    /** Draws the cells with {@link ColorScale#forValues} of their values. */
    public static SvgFigure render(List<TensorCell> cells) {
        float[] values = new float[cells.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = cells.get(i).value();
        }
        return render(cells, ColorScale.forValues(values));
    }

    public static SvgFigure render(List<TensorCell> cells, ColorScale scale) {
        if (cells.isEmpty()) {
            throw new FigureException("a cells figure needs at least one cell.", "name one or more indices.");
        }
        int columns = Math.min(PER_ROW, cells.size());
        int rowsOfCells = (cells.size() + PER_ROW - 1) / PER_ROW;
        double slotH = CELL_H + 34;
        Map<String, TensorUse> used = new LinkedHashMap<>();
        List<Dtype> dtypes = new ArrayList<>();
        for (TensorCell c : cells) {
            String key = c.source() + "\u0000" + c.tensor();
            TensorUse before = used.get(key);
            used.put(key, new TensorUse(c.source(), c.tensor(), c.shape(), c.dtype(),
                    before == null ? 1 : before.cells() + 1));
            if (!dtypes.contains(c.dtype())) {
                dtypes.add(c.dtype());
            }
        }
        String[] caption = {"from capture " + cells.get(0).source() + "; "
                + String.join(", ", dtypes.stream().map(Captions::precision).toList()),
            "colour " + scale.description()};
        double legendY = PAD + rowsOfCells * slotH + 4;
        double width = Math.ceil(Math.max(PAD * 2 + columns * (CELL_W + GAP), PAD * 2 + Legend.width(caption)));
        double height = Math.ceil(legendY + Legend.HEIGHT + 8 + caption.length * 16 + PAD);

        SvgCanvas canvas = new SvgCanvas(width, height);
        StringBuilder described = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            TensorCell c = cells.get(i);
            double x = PAD + (i % PER_ROW) * (CELL_W + GAP);
            double y = PAD + (i / PER_ROW) * slotH;
            CellEncoding cell = encode(c, scale);
            String name = c.tensor() + Captions.shape(c.index());
            CellMarkup.draw(canvas, cell, c.kind(), c.tensor(), c.index(), name, x, y, CELL_W, CELL_H, FONT,
                    CellMarkup.fits(cell.label(), FONT, CELL_W, CELL_H));
            canvas.text(c.tensor(), x + CELL_W / 2, y + CELL_H + 13, 10, Legend.INK, SvgCanvas.Anchor.MIDDLE, false);
            canvas.text(Captions.shape(c.index()), x + CELL_W / 2, y + CELL_H + 26, 10, Legend.MUTED,
                    SvgCanvas.Anchor.MIDDLE, false);
            described.append(i == 0 ? "" : "; ").append(name).append(" = ").append(cell.label());
        }
        Legend.colourBar(canvas, scale, PAD, legendY);
        Legend.caption(canvas, PAD, legendY + Legend.HEIGHT + 8, caption);
        String title = cells.size() == 1 ? "One value of " + cells.get(0).tensor()
                : cells.size() + " values of " + String.join(", ", used.values().stream().map(TensorUse::tensor)
                        .toList());
        String description = described + ". " + caption[0] + ".";
        String svg = canvas.finish("cells", title, description,
                SvgCanvas.attributes(CellMarkup.SCALE, scale.id(), "data-source", cells.get(0).source()));
        return new SvgFigure(svg, title, description, cells.size(), List.copyOf(used.values()));
    }

    private static CellEncoding encode(TensorCell c, ColorScale scale) {
        try {
            return CellEncoder.encode(c.value(), scale, c.kind());
        } catch (FigureException e) {
            throw new FigureException(c.tensor() + " " + Captions.shape(c.index()) + " in capture " + c.source()
                    + ": " + e.problem(), e.fix(), e);
        }
    }
}
