package org.attoscope.verify.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attoscope.figures.ColorScale;
import org.attoscope.figures.Rgb;
import org.attoscope.figures.ScalePoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the renderer and the verifier share is data, and that data is the published one: the sequential scale's ends
 * are cividis's, as its authors published them; both programs, reading the same control points with their own
 * arithmetic, paint the same fills; the label rules are FORMATS.md section 6's.
 */
class SharedDefinitionsTest {

    @Test
    void theSequentialScaleEndsAreCividissPublishedEndsToOneEightBitStep() {
        // Nunez, Anderton and Renslow's table (cmaputil cividis.txt, as the authors contributed it to plotly):
        // rgb(0, 32, 76) at 0 and rgb(255, 233, 69) at 1; viridisLite prints them #00204D and #FFEA46.
        Srgb low = Srgb.parse(ScalePoints.json().path("sequential").path("low").asText());
        Srgb high = Srgb.parse(ScalePoints.json().path("sequential").path("high").asText());
        assertTrue(low.near(new Srgb(0, 32, 76), 1), low.hex());
        assertTrue(high.near(new Srgb(255, 233, 69), 1), high.hex());
        assertTrue(low.near(new Srgb(0x00, 0x20, 0x4d), 1) && high.near(new Srgb(0xff, 0xea, 0x46), 1), "and viridisLite's");
    }

    @Test
    void theRendererAndTheVerifierPaintTheSameFillsFromTheSameControlPoints() {
        AuditScale seq = AuditScale.parse("sequential[0,1]");
        AuditScale div = AuditScale.parse("diverging[-2.5,2.5]");
        int exact = 0;
        for (int i = 0; i <= 1000; i++) {
            double v = i / 1000.0;
            Rgb r = ColorScale.sequential().colour(v);
            Srgb ours = seq.fill(v);
            assertTrue(ours.near(new Srgb(r.red(), r.green(), r.blue()), 1), v + ": " + r.hex() + " vs " + ours.hex());
            exact += ours.hex().equals(r.hex()) ? 1 : 0;
            double s = (i - 500) / 200.0;
            Rgb d = ColorScale.diverging(2.5).colour(s);
            assertTrue(div.fill(s).near(new Srgb(d.red(), d.green(), d.blue()), 1), s + ": " + d.hex() + " vs " + div.fill(s).hex());
        }
        assertTrue(exact > 990, exact + " of 1001 fills identical");
        assertEquals(ScalePoints.shared().masked().hex(), AuditScale.maskedFill().hex());
    }

    @ParameterizedTest(name = "{0}f is labelled {1}")
    @CsvSource(delimiter = '|', value = {
        "0.52678     | ≈0.52678",
        "0.1234567   | ≈0.123457",
        "1.0         | 1",
        "0.0         | 0",
        "0.5         | ≈0.5",
        "1e-7        | ≈1e-7",
        "123456789   | ≈1.23457e8",
        "-0.00001    | ≈-0.00001",
        "999999.9    | ≈1e6"})
    void labelsFollowFormatsSectionSix(float value, String label) {
        assertEquals(label, AuditLabels.ofFloat(value));
    }

    @Test
    void contrastIsWcagTwo() {
        assertEquals(21.0, Srgb.BLACK.contrast(Srgb.WHITE), 1e-12);
        assertEquals(4.54, new Srgb(0x76, 0x76, 0x76).contrast(Srgb.WHITE), 0.01, "#767676 on white is the classic 4.54:1");
    }
}
