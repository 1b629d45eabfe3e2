package org.attoscope.figures;

/**
 * Everything a figure shows for one stored float: how it is filled, labelled and explained, and its bits.
 *
 * @param value       the float32 itself
 * @param bits        its IEEE 754 bits as 8 lowercase hex digits, written on the cell as {@code data-bits}
 * @param fill        the cell's fill
 * @param label       the visible label ({@code ≈0.52678}, or {@code 4096} for an exact integer)
 * @param labelColour black or white, whichever reaches WCAG AA against {@link #fill}
 * @param tooltip     the value part of the cell's tooltip: the shortest decimal that is exactly this float, and
 *                    its bits; figures put where the cell is (tensor, index, tokens) in front of it
 * @param masked      drawn as a causal-masked cell (a key after its query): neutral fill, not the scale's
 */
public record CellEncoding(float value, String bits, Rgb fill, String label, Rgb labelColour, String tooltip,
                           boolean masked) {

    public String fillHex() {
        return fill.hex();
    }

    public String labelColourHex() {
        return labelColour.hex();
    }

    /** The contrast the label reaches against its fill. */
    public double contrast() {
        return labelColour.contrastWith(fill);
    }
}
