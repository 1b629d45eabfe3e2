package org.attoscope.figures;

/**
 * The one function from a stored float to everything its cell shows. Pure and public: figures call it to draw,
 * and the verifier calls it again with the float re-read from the capture to check what a page says.
 */
public final class CellEncoder {

    /** The fill of causal-masked cells: a neutral light grey no scale produces, so "cannot attend" never reads as
     *  "attended with weight 0" (which the sequential scale paints navy). */
    public static final Rgb MASKED_FILL = ScalePoints.shared().masked();

    private CellEncoder() {
    }

    /** A visible (not masked) cell. */
    public static CellEncoding encode(float value, ColorScale scale, ValueKind kind) {
        return encode(value, scale, kind, false);
    }

    /**
     * @param value  the float as stored (read from the capture's bytes or the engine's output)
     * @param scale  the figure's colour scale; the value must lie in its domain
     * @param kind   whether the value is a measured float or an exact integer
     * @param masked whether the cell is causal-masked; its value must then be exactly 0
     * @throws FigureException for NaN, infinity, a value outside the scale, a non-integral INTEGER, or a masked
     *                         cell holding anything but 0
     */
    public static CellEncoding encode(float value, ColorScale scale, ValueKind kind, boolean masked) {
        String label = ValueLabels.label(value, kind);
        Rgb fill;
        if (masked) {
            if (value != 0) {
                throw new FigureException("a causal-masked cell holds " + ValueLabels.exact(value) + ", not 0.",
                        "a key after its query must have weight exactly 0; the capture is not causal attention.");
            }
            fill = MASKED_FILL;
        } else {
            fill = scale.colour(value);
        }
        String bits = ValueLabels.bits(value);
        String tooltip = ValueLabels.exact(value) + " (float32 bits " + bits + ")" + (masked ? ", masked" : "");
        return new CellEncoding(value, bits, fill, label, LabelColours.against(fill), tooltip, masked);
    }
}
