package org.attoscope.figures;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a value-carrying cell is written into a figure, in one place for the figures that draw cells and the
 * verifier that reads them back:
 *
 * <pre>{@code
 * <g class="cell" data-tensor="step00.attention_00" data-index="0,0,3,2" data-bits="3f06db0e">
 *   <title>q=3 "lily" → k=2 "the": 0.52678 (float32 bits 3f06db0e)</title>
 *   <rect ... style="fill:rgb(..)"/>
 *   <g text-anchor="middle"><g><text style="fill: rgb(..); ...">≈0.52678</text></g></g>   (only where it fits)
 * </g>
 * }</pre>
 *
 * {@code data-index} is the cell's full index into the tensor (for a [T,T] slice its last two entries are q and
 * k). Masked cells add {@code data-masked="true"}; cells whose value is an exact integer add {@code data-kind="int"}.
 * The figure's root carries the colour scale as {@code data-scale} (see {@link ColorScale#parse(String)}).
 */
public final class CellMarkup {

    public static final String CELL_CLASS = "cell";
    public static final String TENSOR = "data-tensor";
    public static final String INDEX = "data-index";
    public static final String BITS = "data-bits";
    public static final String MASKED = "data-masked";
    public static final String KIND = "data-kind";
    public static final String SCALE = "data-scale";

    private CellMarkup() {
    }

    /** {@code [0, 0, 3, 2]} as {@code 0,0,3,2}. */
    public static String index(List<Integer> index) {
        return index.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Draws one cell: the group with its attributes and tooltip, the filled rectangle, and the label if shown. */
    static void draw(SvgCanvas canvas, CellEncoding cell, ValueKind kind, String tensor, List<Integer> index,
                     String where, double x, double y, double w, double h, int fontSize, boolean showLabel) {
        var attributes = SvgCanvas.attributes("class", CELL_CLASS, TENSOR, tensor, INDEX, index(index), BITS,
                cell.bits());
        if (cell.masked()) {
            attributes.put(MASKED, "true");
        }
        if (kind == ValueKind.INTEGER) {
            attributes.put(KIND, "int");
        }
        canvas.beginGroup(attributes);
        canvas.title(where + ": " + cell.tooltip());
        canvas.fillRect(x, y, w, h, cell.fill());
        if (showLabel) {
            canvas.centredText(cell.label(), x + w / 2, y + h / 2, fontSize, cell.labelColour(), false);
        }
        canvas.endGroup();
    }

    /**
     * A compact attention-matrix cell's geometry: a stroke one unit long from {@code (k * unit, q * unit)} in its
     * group's coordinates (the grid's top-left half a cell up, stroke width one unit, a unit 1 in a group scaled to
     * cells or the cell size in pixels), so it covers exactly the square of key k and query q. Readers take the
     * index back from the start divided by the length.
     */
    public static String strokeCell(int k, int q, int unit) {
        return "M" + (k * unit) + " " + (q * unit) + "h" + unit;
    }

    /** Whether a label fits inside a cell of this size with a little padding. */
    static boolean fits(String label, int fontSize, double w, double h) {
        return SvgCanvas.textWidth(label, fontSize) <= w - 4 && fontSize <= h - 2;
    }
}
