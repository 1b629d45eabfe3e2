package org.attoscope.verify;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Contrast ratios as the report prints them. */
final class ContrastRatio {
    private ContrastRatio() {
    }

    /** Floored to two decimals: 4.4999 prints as 4.49, never as a passing 4.5. */
    static double floor(double ratio) {
        return BigDecimal.valueOf(ratio).setScale(2, RoundingMode.FLOOR).doubleValue();
    }
}
