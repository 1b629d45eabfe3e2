package org.attoscope.verify.audit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HexFormat;

/**
 * The verifier's own reading of FORMATS.md section 6's label rules, written from the rule rather than from the
 * figures' code: a float to 6 significant digits of its exact binary value (half-even), trailing zeros dropped,
 * prefixed {@code ≈}; a value exactly 0 or 1, and an exact integer, without {@code ≈}; plain notation for
 * magnitudes 1e-5 up to 1e6, scientific ({@code 1.23457e8}) outside.
 */
public final class AuditLabels {
    public static final String APPROX = "\u2248";

    private AuditLabels() {
    }

    /** The label of a float cell. */
    public static String ofFloat(float v) {
        if (v == 0 || v == 1) {
            return v == 0 ? "0" : "1";
        }
        return APPROX + write(new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN)));
    }

    /** The label of an exact-integer cell, or null when the value is not an integer. */
    public static String ofInteger(float v) {
        if (!Float.isFinite(v) || v != Math.floor(v)) {
            return null;
        }
        return new BigDecimal(v).toBigIntegerExact().toString();
    }

    /** The shortest decimal that reads back as exactly {@code v}, as tooltips give it. */
    public static String shortest(float v) {
        if (v == 0) {
            return (Float.floatToRawIntBits(v) < 0) ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits <= 9; digits++) {
            BigDecimal d = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (d.floatValue() == v) {
                return write(d);
            }
        }
        return write(exact.round(new MathContext(9, RoundingMode.HALF_EVEN)));
    }

    /** IEEE 754 bits as 8 lowercase hex digits. */
    public static String bits(float v) {
        return HexFormat.of().toHexDigits(Float.floatToRawIntBits(v));
    }

    private static String write(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        int exponent = s.precision() - s.scale() - 1;
        if (exponent >= -5 && exponent <= 5) {
            return s.toPlainString();
        }
        String digits = s.unscaledValue().abs().toString();
        return (s.signum() < 0 ? "-" : "") + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "") + "e" + exponent;
    }
}
