package org.attoscope.figures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HexFormat;

/**
 * Decimal text for the numbers figures show, rounded half-even (ties to the even digit, IEEE 754's own rule) from
 * the exact binary value with {@link BigDecimal}, so it never depends on the JDK's float printing or the machine's
 * locale. The explorer page's labels, which its script must reproduce, round half-up instead
 * ({@code pages.HalfUpNumbers}).
 */
final class HalfEvenNumbers {

    /** Plain notation for 1e-5 <= |x| < 1e6; scientific ({@code 1.23457e8}) outside, where plain would mislead. */
    private static final int SMALLEST_PLAIN_EXPONENT = -5;
    private static final int LARGEST_PLAIN_EXPONENT = 5;
    /** Below 1e8 hundredths (a million pixels) a product's rounding error is under 1e-8, far inside the margin. */
    private static final double FAST_GEOMETRY_LIMIT = 1e8;
    private static final double TIE_MARGIN = 1e-6;

    private HalfEvenNumbers() {
    }

    /** The float's exact value rounded half-even to {@code digits} significant digits, trailing zeros dropped. */
    static String significant(float value, int digits) {
        requireFinite(value);
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        return write(rounded.stripTrailingZeros());
    }

    /**
     * The shortest decimal (at most 9 significant digits) that reads back as exactly this float, for tooltips:
     * unlike a 6-digit label it identifies the stored number.
     */
    static String shortest(float value) {
        requireFinite(value);
        if (value == 0) {
            return Float.floatToRawIntBits(value) == 0 ? "0" : "-0";
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 9; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (Float.parseFloat(candidate.toString()) == value) {
                return write(candidate.stripTrailingZeros());
            }
        }
        return write(exact.round(new MathContext(9, RoundingMode.HALF_EVEN)).stripTrailingZeros());
    }

    /** A double in plain notation with trailing zeros dropped: scale limits, legend ticks. */
    static String plain(double value) {
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * SVG coordinates: two decimals are far below a pixel, and short numbers keep figures small. The value's
     * shortest decimal ({@link BigDecimal#valueOf(double)}) rounded half-even to two places.
     *
     * <p>Every coordinate of every figure, the formulas' glyph outlines among them, comes through here, and the
     * decimal route costs a double-to-text conversion each (and, in a short build, the JIT's longest compilation).
     * Away from a tie, rounding the value times 100 to the nearest integer gives the same hundredths: the product's
     * error, below 1e-8 for the magnitudes that take this path, cannot cross a tie it is 1e-6 away from. Values
     * near a tie, where the shortest decimal decides, and large ones take the decimal route.
     */
    static String geometry(double value) {
        double hundredths = Math.abs(value) * 100;
        if (hundredths < FAST_GEOMETRY_LIMIT) {
            double below = Math.floor(hundredths);
            double fraction = hundredths - below;
            if (Math.abs(fraction - 0.5) > TIE_MARGIN) {
                long rounded = (long) below + (fraction > 0.5 ? 1 : 0);
                return hundredths(value < 0 ? -rounded : rounded);
            }
        } else if (!Double.isFinite(value)) {
            throw new FigureException("coordinate " + value + " cannot be drawn.",
                    "a figure's geometry must be finite; this is a bug in the figure that computed it.");
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** A whole number of hundredths in plain notation, trailing zeros dropped, as {@code BigDecimal} writes it. */
    private static String hundredths(long signed) {
        if (signed == 0) {
            return "0";
        }
        long magnitude = Math.abs(signed);
        StringBuilder text = new StringBuilder(12);
        if (signed < 0) {
            text.append('-');
        }
        text.append(magnitude / 100);
        int cents = (int) (magnitude % 100);
        if (cents != 0) {
            text.append('.').append(cents / 10);
            if (cents % 10 != 0) {
                text.append(cents % 10);
            }
        }
        return text.toString();
    }

    /** Lowercase 8-hex-digit IEEE 754 bits, the form cells carry in {@code data-bits}. */
    static String bits(float value) {
        return HexFormat.of().toHexDigits(Float.floatToRawIntBits(value));
    }

    private static String write(BigDecimal d) {
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= SMALLEST_PLAIN_EXPONENT && exponent <= LARGEST_PLAIN_EXPONENT) {
            return d.toPlainString();
        }
        String digits = d.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }

    private static void requireFinite(float value) {
        if (!Float.isFinite(value)) {
            throw new FigureException("value " + value + " cannot be labelled.",
                    "captures must hold finite numbers; NaN and infinity mean the run that made them went wrong.");
        }
    }
}
