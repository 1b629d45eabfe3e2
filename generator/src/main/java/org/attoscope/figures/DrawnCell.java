package org.attoscope.figures;

import java.util.List;

/**
 * A cell as a page shows it, read back from the markup (see {@link CellMarkup}).
 *
 * @param tensor      {@code data-tensor}
 * @param index       {@code data-index}
 * @param bits        {@code data-bits}
 * @param masked      whether it is marked causal-masked
 * @param kind        {@link ValueKind#INTEGER} when marked {@code data-kind="int"}, else FLOAT
 * @param fill        the fill of its rectangle as drawn
 * @param label       its visible label, or null where none is drawn
 * @param labelColour the label's colour as drawn, or null
 * @param tooltip     its {@code <title>} text, or null for a compact matrix cell, which has none
 */
public record DrawnCell(String tensor, List<Integer> index, String bits, boolean masked, ValueKind kind, Rgb fill,
                        String label, Rgb labelColour, String tooltip) {

    public DrawnCell {
        index = List.copyOf(index);
    }

    /** The float the cell claims to show, from its bits. */
    public float value() {
        return Float.intBitsToFloat(Integer.parseUnsignedInt(bits, 16));
    }
}
