package org.attoscope.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ColorScaleTest {

    private static final SequentialScale SEQUENTIAL = (SequentialScale) ColorScale.sequential();
    private static final DivergingScale DIVERGING = (DivergingScale) ColorScale.diverging(8);

    @Test
    void theSequentialScaleRunsFromCividisNavyAtZeroToCividisYellowAtOne() {
        assertEquals("#00204d", SEQUENTIAL.colour(0).hex());
        assertEquals("#ffe945", SEQUENTIAL.colour(1).hex());
        assertEquals(new ScaleDomain(0, 1), SEQUENTIAL.domain());
    }

    @Test
    void sequentialLightnessRisesStrictlyAcrossTheDomain() {
        double previous = -1;
        for (int i = 0; i <= 10_000; i++) {
            double lightness = SEQUENTIAL.point(i / 10_000.0).cieLightness();
            assertTrue(lightness > previous, "L* must rise at " + i / 10_000.0);
            previous = lightness;
        }
        // and after rounding to 8-bit sRGB, in steps of 0.01
        previous = -1;
        for (int i = 0; i <= 100; i++) {
            double lightness = SEQUENTIAL.colour(i / 100.0).cieLightness();
            assertTrue(lightness > previous, "8-bit L* must rise at " + i / 100.0);
            previous = lightness;
        }
    }

    @Test
    void divergingLightnessFallsStrictlyFromTheCentreAlongEachArm() {
        for (int sign : new int[] {-1, 1}) {
            double previous = 101;
            for (int i = 0; i <= 10_000; i++) {
                double lightness = DIVERGING.point(sign * 8 * i / 10_000.0).cieLightness();
                assertTrue(lightness < previous, "L* must fall at " + sign * 8 * i / 10_000.0);
                previous = lightness;
            }
            previous = 101;
            for (int i = 0; i <= 100; i++) {
                double lightness = DIVERGING.colour(sign * 8 * i / 100.0).cieLightness();
                assertTrue(lightness < previous, "8-bit L* must fall at " + sign * 8 * i / 100.0);
                previous = lightness;
            }
        }
    }

    @Test
    void theDivergingScaleIsNearWhiteAtZeroAndEquallyDarkAtBothEnds() {
        assertEquals("#f5f5f5", DIVERGING.colour(0).hex());
        assertEquals(DIVERGING.colour(0), DIVERGING.colour(-0.0));
        // equal OKLab lightness by construction; CIE L* agrees to within a unit and a half
        assertEquals(DIVERGING.point(-8).lightness(), DIVERGING.point(8).lightness(), 1e-12);
        assertEquals(DIVERGING.colour(-8).cieLightness(), DIVERGING.colour(8).cieLightness(), 1.5);
        Rgb negative = DIVERGING.colour(-8);
        Rgb positive = DIVERGING.colour(8);
        assertTrue(negative.blue() > negative.red(), "negative end is blue: " + negative);
        assertTrue(positive.red() > positive.blue(), "positive end is orange: " + positive);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.001, 1.0001, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aValueOutsideTheSequentialDomainIsAnErrorNotAClamp(double value) {
        assertThrows(FigureException.class, () -> SEQUENTIAL.colour(value));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-8.0001, 8.0001, Double.NaN, Double.POSITIVE_INFINITY})
    void aValueOutsideTheDivergingDomainIsAnErrorNotAClamp(double value) {
        FigureException e = assertThrows(FigureException.class, () -> DIVERGING.colour(value));
        assertTrue(e.getMessage().contains("diverging[-8,8]"), e.getMessage());
    }

    @ParameterizedTest(name = "largest magnitude {0} gives limit {1}")
    @CsvSource({"0, 1", "0.3, 0.5", "1, 1", "1.01, 2", "2.2, 2.5", "3, 5", "7.07683, 10", "12.5, 20", "20, 20",
        "0.0042, 0.005"})
    void divergingLimitsAreRoundNumbersJustAboveTheLargestMagnitude(double maxAbs, double limit) {
        assertEquals(limit, DivergingScale.niceLimit(maxAbs));
    }

    @Test
    void scalesWriteAnIdThatRebuildsThem() {
        assertEquals("sequential[0,1]", SEQUENTIAL.id());
        assertSame(SEQUENTIAL, ColorScale.parse("sequential[0,1]"));
        assertEquals("diverging[-2.5,2.5]", ColorScale.diverging(2.5).id());
        assertEquals(ColorScale.diverging(2.5), ColorScale.parse("diverging[-2.5,2.5]"));
        assertThrows(FigureException.class, () -> ColorScale.parse("diverging[-2,3]"));
        assertThrows(FigureException.class, () -> ColorScale.parse("rainbow"));
    }

    @Test
    void weightsInTheUnitIntervalGetTheSequentialScaleAndSignedValuesTheDivergingOne() {
        assertSame(SEQUENTIAL, ColorScale.forValues(new float[] {0, 0.25f, 1}));
        DivergingScale signed = assertInstanceOf(DivergingScale.class, ColorScale.forValues(new float[] {-3.2f, 1}));
        assertEquals(5, signed.limit());
        assertThrows(FigureException.class, () -> ColorScale.forValues(new float[] {0.5f, Float.NaN}));
    }

    @Test
    void headColoursAreADistinctColourBlindSafePairThatStandOutOnWhite() {
        assertEquals("#d55e00", HeadColours.of(0).hex());
        assertEquals("#0072b2", HeadColours.of(1).hex());
        assertTrue(HeadColours.of(0).contrastWith(Rgb.WHITE) >= 3, "non-text contrast of head 0");
        assertTrue(HeadColours.of(1).contrastWith(Rgb.WHITE) >= 3, "non-text contrast of head 1");
        assertThrows(FigureException.class, () -> HeadColours.of(2));
    }

    @Test
    void wcagContrastMatchesKnownValues() {
        assertEquals(21.0, Rgb.BLACK.contrastWith(Rgb.WHITE), 1e-9);
        assertEquals(4.54, Rgb.parse("#767676").contrastWith(Rgb.WHITE), 0.01);
        assertEquals(Rgb.parse("#0072b2"), Rgb.parse("rgb(0,114,178)"));
    }
}
