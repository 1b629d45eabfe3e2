package org.attoscope.figures;

/**
 * The text a cell shows for a stored number.
 *
 * <p>FORMATS.md §6: a float is shown to 6 significant digits, trailing zeros dropped, prefixed {@code ≈}; exact
 * integers (token ids, ranks) carry no {@code ≈}, and neither does a float that is exactly 0 or exactly 1 (a masked
 * cell, a query that can only attend to itself): those two values say something exact. Any other float, even a
 * short exactly representable one (0.5, -3.25), still carries {@code ≈}: the mark says "this is a float32 shown
 * rounded", and a reader never has to know binary fractions to read a label. Whether the digits are exact is in the
 * tooltip, which gives the shortest decimal that reads back as the stored float, and its bits.
 *
 * <p>Rounding is half-even on the float's exact binary value. Between 1e-5 and 1e6 numbers are plain
 * ({@code ≈0.000123457}, {@code ≈123457}); outside they are scientific ({@code ≈1e-7}, {@code ≈1.23457e8}).
 * Negative numbers use an ASCII hyphen-minus so labels stay searchable and comparable as text.
 */
public final class ValueLabels {

    public static final String APPROX = "≈";
    public static final int SIGNIFICANT_DIGITS = 6;

    private ValueLabels() {
    }

    /** The visible label of a stored number of the given kind. */
    public static String label(float value, ValueKind kind) {
        return switch (kind) {
            case FLOAT -> value == 0 || value == 1 ? integer(value) : APPROX + HalfEvenNumbers.significant(value, SIGNIFICANT_DIGITS);
            case INTEGER -> integer(value);
        };
    }

    /** An exact integer label; a float that is not an integer is refused rather than rounded. */
    public static String integer(float value) {
        if (!Float.isFinite(value) || value != Math.rint(value)) {
            throw new FigureException("value " + value + " was declared an exact integer but is not one.",
                    "label it as a float (ValueKind.FLOAT) or fix the tensor that should hold integers.");
        }
        return Long.toString((long) value);
    }

    /** The shortest decimal that reads back as exactly this float (for tooltips). */
    public static String exact(float value) {
        return HalfEvenNumbers.shortest(value);
    }

    /** Lowercase 8-hex-digit IEEE 754 bits, e.g. {@code 3f06db0e}. */
    public static String bits(float value) {
        return HalfEvenNumbers.bits(value);
    }
}
