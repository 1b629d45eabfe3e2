package org.attoscope.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellEncoderTest {

    @Test
    void oneFloatGivesFillLabelLabelColourTooltipAndBits() {
        CellEncoding cell = CellEncoder.encode(0.52678f, ColorScale.sequential(), ValueKind.FLOAT);
        assertEquals("3f06db0e", cell.bits());
        assertEquals("≈0.52678", cell.label());
        assertEquals(ColorScale.sequential().colour(0.52678f), cell.fill());
        assertEquals("0.52678 (float32 bits 3f06db0e)", cell.tooltip());
        assertEquals(LabelColours.against(cell.fill()), cell.labelColour());
        assertFalse(cell.masked());
    }

    @Test
    void everyFillTheSequentialScaleCanProduceHasAnAaLabelColour() {
        for (int i = 0; i <= 100_000; i++) {
            CellEncoding cell = CellEncoder.encode(i / 100_000f, ColorScale.sequential(), ValueKind.FLOAT);
            assertTrue(cell.contrast() >= 4.5, "contrast " + cell.contrast() + " at " + i / 100_000f);
        }
    }

    @Test
    void everyFillTheDivergingScaleCanProduceHasAnAaLabelColour() {
        ColorScale scale = ColorScale.diverging(1);
        for (int i = -50_000; i <= 50_000; i++) {
            CellEncoding cell = CellEncoder.encode(i / 50_000f, scale, ValueKind.FLOAT);
            assertTrue(cell.contrast() >= 4.5, "contrast " + cell.contrast() + " at " + i / 50_000f);
        }
    }

    @Test
    void theLabelIsWhiteOnDarkFillsAndBlackOnLightOnes() {
        assertEquals(Rgb.WHITE, CellEncoder.encode(0f, ColorScale.sequential(), ValueKind.FLOAT).labelColour());
        assertEquals(Rgb.BLACK, CellEncoder.encode(1f, ColorScale.sequential(), ValueKind.FLOAT).labelColour());
    }

    @Test
    void aMaskedCellIsNeutralGreyAndMustHoldExactlyZero() {
        CellEncoding masked = CellEncoder.encode(0f, ColorScale.sequential(), ValueKind.FLOAT, true);
        assertEquals(CellEncoder.MASKED_FILL, masked.fill());
        assertEquals("0", masked.label(), "exactly 0 reads 0 (FORMATS.md 6)");
        assertTrue(masked.masked());
        assertTrue(masked.tooltip().endsWith(", masked"));
        assertThrows(FigureException.class,
                () -> CellEncoder.encode(0.01f, ColorScale.sequential(), ValueKind.FLOAT, true));
    }

    @Test
    void nanInfinityAndOutOfDomainValuesAreRefused() {
        assertThrows(FigureException.class,
                () -> CellEncoder.encode(Float.NaN, ColorScale.sequential(), ValueKind.FLOAT));
        assertThrows(FigureException.class,
                () -> CellEncoder.encode(Float.POSITIVE_INFINITY, ColorScale.diverging(10), ValueKind.FLOAT));
        assertThrows(FigureException.class, () -> CellEncoder.encode(1.5f, ColorScale.sequential(), ValueKind.FLOAT));
    }

    @Test
    void anExactIntegerCellIsLabelledWithoutApproxSign() {
        CellEncoding id = CellEncoder.encode(4096f, ColorScale.diverging(5000), ValueKind.INTEGER);
        assertEquals("4096", id.label());
        assertEquals("4096 (float32 bits 45800000)", id.tooltip());
    }

    @Test
    void aCellCheckFindsEveryDifferenceBetweenPageAndBytes() {
        CellEncoding expected = CellEncoder.encode(0.25f, ColorScale.sequential(), ValueKind.FLOAT);
        DrawnCell honest = new DrawnCell("t", java.util.List.of(0, 1), expected.bits(), false, ValueKind.FLOAT,
                expected.fill(), expected.label(), expected.labelColour(), "q=0 → k=1: " + expected.tooltip());
        assertEquals(java.util.List.of(), CellCheck.differences(honest, expected));
        DrawnCell tampered = new DrawnCell("t", java.util.List.of(0, 1), expected.bits(), false, ValueKind.FLOAT,
                Rgb.parse("#ff0000"), "≈0.26", expected.labelColour(), honest.tooltip());
        var findings = CellCheck.differences(tampered, expected);
        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("fill #ff0000 on the page, " + expected.fillHex()), findings.get(0));
        assertTrue(findings.get(1).contains("'≈0.26' on the page, '≈0.25'"), findings.get(1));
    }
}
