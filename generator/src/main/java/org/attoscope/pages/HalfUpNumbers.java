package org.attoscope.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Number formatting shared by the templates and the explorer script, rounded half-up.
 *
 * <p>{@link #fixed} rounds the exact binary value half-up, which is what JavaScript's {@code Number.toFixed}
 * does, so a label the server renders and the same label the script renders are the same string. Figures round
 * half-even instead ({@code figures.HalfEvenNumbers}): no script redraws them.
 */
public final class HalfUpNumbers {
    private HalfUpNumbers() {
    }

    public static String fixed(double x, int digits) {
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    /** A probability or weight as a percentage with one decimal: 0.52678 is "52.7%". */
    public static String percent(double p) {
        return fixed(p * 100, 1) + "%";
    }

    /** A bar's extent in 0..1 for CSS, four decimals; exactly zero is "0" so an absent bar is told apart from a tiny one. */
    public static String extent(double w) {
        return w == 0 ? "0" : fixed(w, 4);
    }

    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
