package org.attoscope.figures;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a cell as drawn with the encoding of the float it should show, re-read from the bytes.
 * Each finding names what differs and both values, page side first.
 */
public final class CellCheck {

    private CellCheck() {
    }

    /**
     * @param drawn    the cell read from the page
     * @param expected {@link CellEncoder#encode} of the float re-read from the capture (after its hash lock), with
     *                 the figure's scale and the cell's kind and masking
     * @return what differs; empty when the page shows exactly what the bytes say
     */
    public static List<String> differences(DrawnCell drawn, CellEncoding expected) {
        List<String> out = new ArrayList<>();
        if (!expected.bits().equals(drawn.bits())) {
            out.add("bits " + drawn.bits() + " on the page, " + expected.bits() + " in the capture");
        }
        if (drawn.masked() != expected.masked()) {
            out.add("masked " + drawn.masked() + " on the page, " + expected.masked() + " expected");
        }
        if (!expected.fill().equals(drawn.fill())) {
            out.add("fill " + hex(drawn.fill()) + " on the page, " + expected.fillHex() + " from the value");
        }
        if (drawn.label() != null) {
            if (!expected.label().equals(drawn.label())) {
                out.add("label '" + drawn.label() + "' on the page, '" + expected.label() + "' from the value");
            }
            if (!expected.labelColour().equals(drawn.labelColour())) {
                out.add("label colour " + hex(drawn.labelColour()) + " on the page, " + expected.labelColourHex()
                        + " for contrast");
            }
        }
        // A compact matrix cell has no tooltip (the explorer shows its value from its bits); a tooltip, where there
        // is one, must say the exact value.
        if (drawn.tooltip() != null && !drawn.tooltip().endsWith(": " + expected.tooltip())) {
            out.add("tooltip '" + drawn.tooltip() + "' on the page does not end with '" + expected.tooltip() + "'");
        }
        return out;
    }

    private static String hex(Rgb c) {
        return c == null ? "none" : c.hex();
    }
}
