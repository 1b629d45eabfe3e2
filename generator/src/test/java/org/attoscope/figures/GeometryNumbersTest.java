package org.attoscope.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SVG coordinates: the value's shortest decimal, rounded half-even to hundredths, trailing zeros dropped. */
class GeometryNumbersTest {

    @ParameterizedTest(name = "{0} is drawn as {1}")
    @CsvSource({
        "12, 12", "120, 120", "-3, -3", "0, 0", "-0.0, 0", "-0.001, 0", "0.004, 0", "0.005, 0", "0.015, 0.02",
        "3.5, 3.5", "3.05, 3.05", "-0.25, -0.25", "2.675, 2.68", "0.155, 0.16", "0.145, 0.14", "1.005, 1",
        "7.123456, 7.12", "-7.126, -7.13", "99.995, 100", "1e7, 10000000", "123456.789, 123456.79",
        "2e9, 2000000000", "1e-300, 0"})
    void coordinatesAreTheShortestDecimalRoundedHalfEvenToHundredths(double value, String text) {
        assertEquals(text, HalfEvenNumbers.geometry(value));
    }

    /**
     * The fast route (the value times 100 rounded away from ties) must give exactly the decimal route's text, so
     * figures keep their bytes: checked on values spread over every magnitude a figure uses, on hundredths and
     * on the binary neighbours of every tie.
     */
    @Test
    void theFastRouteWritesWhatTheDecimalRouteWrites() {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 300_000; i++) {
            double magnitude = Math.pow(10, random.nextDouble(-4, 7));
            double value = random.nextBoolean() ? magnitude : -magnitude;
            assertSameAsDecimal(value);
        }
        for (long cents = -200_000; cents <= 200_000; cents++) {
            double tie = (cents + 0.5) / 100;
            assertSameAsDecimal(tie);
            assertSameAsDecimal(Math.nextUp(tie));
            assertSameAsDecimal(Math.nextDown(tie));
            assertSameAsDecimal(cents / 100.0);
            assertSameAsDecimal(cents / 4.0);
        }
    }

    @Test
    void aCoordinateThatIsNotANumberIsRefused() {
        assertThrows(FigureException.class, () -> HalfEvenNumbers.geometry(Double.NaN));
        assertThrows(FigureException.class, () -> HalfEvenNumbers.geometry(Double.NEGATIVE_INFINITY));
    }

    private static void assertSameAsDecimal(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String decimal = d.signum() == 0 ? "0" : d.toPlainString();
        assertEquals(decimal, HalfEvenNumbers.geometry(value), () -> "for " + value);
    }
}
