package org.attoscope.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueLabelsTest {

    @ParameterizedTest(name = "{0}f is labelled {1}")
    @CsvSource(delimiter = '|', value = {
        "0.52678     | ≈0.52678",
        "0.1234567   | ≈0.123457",
        "1.0         | 1",
        "0.5         | ≈0.5",
        "0.0         | 0",
        "1e-7        | ≈1e-7",
        "-3.25       | ≈-3.25",
        "123456789   | ≈1.23457e8",
        "0.000123457 | ≈0.000123457",
        "-0.00001    | ≈-0.00001",
        "999999.9    | ≈1e6",
        "12.5        | ≈12.5",
        "4096        | ≈4096"})
    void floatsAreShownToSixSignificantDigitsWithTrailingZerosDroppedAndAnApproxSign(float value, String label) {
        assertEquals(label, ValueLabels.label(value, ValueKind.FLOAT));
    }

    @ParameterizedTest(name = "integer {0} is labelled {1}")
    @CsvSource({"4096, 4096", "0, 0", "1, 1", "16777216, 16777216", "-3, -3"})
    void exactIntegersCarryNoApproxSign(float value, String label) {
        assertEquals(label, ValueLabels.label(value, ValueKind.INTEGER));
    }

    @Test
    void anIntegerLabelRefusesAFraction() {
        assertThrows(FigureException.class, () -> ValueLabels.label(0.5f, ValueKind.INTEGER));
    }

    @Test
    void labelsRefuseNanAndInfinity() {
        assertThrows(FigureException.class, () -> ValueLabels.label(Float.NaN, ValueKind.FLOAT));
        assertThrows(FigureException.class, () -> ValueLabels.label(Float.POSITIVE_INFINITY, ValueKind.FLOAT));
        assertThrows(FigureException.class, () -> ValueLabels.label(Float.NEGATIVE_INFINITY, ValueKind.INTEGER));
    }

    @ParameterizedTest(name = "{0}f is exactly {1}")
    @CsvSource({"0.52678, 0.52678", "0.1, 0.1", "1.0, 1", "0.1234567, 0.1234567", "1e-7, 1e-7",
        "123456789, 1.2345679e8", "3.4028235e38, 3.4028235e38", "1.4e-45, 1e-45"})
    void theTooltipValueIsTheShortestDecimalThatReadsBackAsTheSameFloat(float value, String exact) {
        assertEquals(exact, ValueLabels.exact(value));
        assertEquals(Float.floatToRawIntBits(value), Float.floatToRawIntBits(Float.parseFloat(exact)));
    }

    @Test
    void bitsAreEightLowercaseHexDigits() {
        assertEquals("3f800000", ValueLabels.bits(1.0f));
        assertEquals("3f06db0e", ValueLabels.bits(0.52678f));
        assertEquals("80000000", ValueLabels.bits(-0.0f));
        assertEquals("00000000", ValueLabels.bits(0.0f));
    }
}
