package org.attoscope.figures;

import static org.attoscope.figures.FigureAssertions.assertAccessibleSelfContainedSvg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attoscope.capture.Dtype;
import org.junit.jupiter.api.Test;

class HeatmapFigureTest {

    private static final List<String> TOKENS = List.of("<bos>", "once", "upon", "a", "time");

    /** Causal attention over 5 tokens: row q spreads its weight over keys 0..q, zeros after. */
    static float[] causalWeights() {
        float[] v = new float[25];
        for (int q = 0; q < 5; q++) {
            for (int k = 0; k <= q; k++) {
                v[q * 5 + k] = (k + 1f) / ((q + 1) * (q + 2) / 2f);
            }
        }
        return v;
    }

    static TensorSlice slice() {
        return new TensorSlice("once-upon", "step00.attention_00", List.of(1, 2, 5, 5), List.of(0, 1), 5, 5,
                causalWeights(), TOKENS, TOKENS, Dtype.F32, true);
    }

    @Test
    void aFiveByFiveSliceHasExactly25CellsEachCarryingTheEncodingOfItsValue() {
        SvgFigure figure = HeatmapFigure.render(slice());
        List<DrawnCell> cells = DrawnCells.read(figure.svg());
        assertEquals(25, cells.size());
        assertEquals(25, figure.cellCount());
        float[] values = causalWeights();
        for (DrawnCell cell : cells) {
            int q = cell.index().get(2);
            int k = cell.index().get(3);
            assertEquals(List.of(0, 1, q, k), cell.index());
            assertEquals("step00.attention_00", cell.tensor());
            CellEncoding expected = CellEncoder.encode(values[q * 5 + k], ColorScale.sequential(), ValueKind.FLOAT,
                    k > q);
            assertEquals(List.of(), CellCheck.differences(cell, expected), "cell " + q + "," + k);
            assertNotNull(cell.label(), "every cell of a small slice is labelled");
            assertEquals(k > q, cell.masked());
            assertTrue(cell.tooltip().startsWith("q=" + q + " “" + TOKENS.get(q) + "” → k=" + k + " “"),
                    cell.tooltip());
        }
    }

    @Test
    void theFigureIsAccessibleAndStatesTensorShapeSliceStepAndPrecision() {
        SvgFigure figure = HeatmapFigure.render(slice());
        var root = assertAccessibleSelfContainedSvg(figure);
        assertEquals("sequential[0,1]", root.getAttribute("data-scale"));
        assertTrue(figure.description().contains("step00.attention_00 [0, 1, :, :] of shape [1, 2, 5, 5], step 0"),
                figure.description());
        assertTrue(figure.description().contains("captured fp32, shown to 6 significant digits"));
        assertTrue(figure.svg().contains(">captured fp32, shown to 6 significant digits</text>"), "visible caption");
        assertEquals(List.of(new TensorUse("once-upon", "step00.attention_00", List.of(1, 2, 5, 5), Dtype.F32, 25)),
                figure.tensorsUsed());
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        assertEquals(HeatmapFigure.render(slice()).svg(), HeatmapFigure.render(slice()).svg());
    }

    @Test
    void tokensThatLookLikeMarkupOrEntitiesAreShownAsTyped() {
        List<String> odd = List.of("<unk>", "&lt;", "a\"b", "it's", "x&y");
        TensorSlice s = new TensorSlice("c", "t", List.of(5, 5), List.of(), 5, 5, causalWeights(), odd, odd, Dtype.F16,
                false);
        SvgFigure figure = HeatmapFigure.render(s);
        var root = assertAccessibleSelfContainedSvg(figure);
        String text = root.getTextContent();
        for (String token : odd) {
            assertTrue(text.contains(token), "shows " + token);
        }
        assertTrue(figure.description().contains("captured fp16"));
    }

    @Test
    void aNonzeroValueAboveTheDiagonalOfACausalTensorFailsNamingTensorAndIndex() {
        float[] v = causalWeights();
        v[1] = 0.5f;
        TensorSlice s = new TensorSlice("once-upon", "step00.attention_00", List.of(1, 2, 5, 5), List.of(0, 1), 5, 5,
                v, TOKENS, TOKENS, Dtype.F32, true);
        FigureException e = assertThrows(FigureException.class, () -> HeatmapFigure.render(s));
        assertTrue(e.getMessage().startsWith("step00.attention_00 [0, 1, 0, 1] in capture once-upon"),
                e.getMessage());
    }

    @Test
    void nanInACaptureIsRefusedWithItsTensorAndIndex() {
        float[] v = causalWeights();
        v[7] = Float.NaN;
        TensorSlice s = new TensorSlice("once-upon", "step00.attention_00", List.of(1, 2, 5, 5), List.of(0, 0), 5, 5,
                v, TOKENS, TOKENS, Dtype.F32, true);
        FigureException e = assertThrows(FigureException.class,
                () -> HeatmapFigure.render(s, ColorScale.sequential()));
        assertTrue(e.getMessage().contains("step00.attention_00 [0, 0, 1, 2]"), e.getMessage());
    }

    @Test
    void cuttingASliceOutOfAWholeTensorPicksTheRightValuesAndRejectsBadIndices() {
        float[] whole = new float[2 * 5 * 5];
        for (int i = 0; i < whole.length; i++) {
            whole[i] = i;
        }
        TensorSlice head1 = TensorSlice.of("c", "x", List.of(1, 2, 5, 5), Dtype.F32, whole, List.of(0, 1), TOKENS, TOKENS,
                false);
        assertEquals(25f, head1.value(0, 0));
        assertEquals(49f, head1.value(4, 4));
        FigureException e = assertThrows(FigureException.class, () -> TensorSlice.of("c", "x", List.of(1, 2, 5, 5),
                Dtype.F32, whole, List.of(0, 2), TOKENS, TOKENS, false));
        assertTrue(e.getMessage().contains("index [0, 2] is out of range for x of shape [1, 2, 5, 5]"),
                e.getMessage());
    }

    @Test
    void signedValuesGetTheDivergingScaleAndSayWhichOnTheFigure() {
        float[] v = {-3.25f, 1, 0.5f, 2, -1, 0, 0.1234567f, 1e-7f, 4};
        List<String> three = List.of("a", "b", "c");
        SvgFigure figure = HeatmapFigure.render(new TensorSlice("c", "step01.hidden_state_00", List.of(3, 3),
                List.of(), 3, 3, v, three, three, Dtype.BF16, false));
        var root = DrawnCells.parseSvg(figure.svg());
        assertEquals("diverging[-5,5]", root.getAttribute("data-scale"));
        List<DrawnCell> cells = DrawnCells.read(root);
        assertEquals("≈-3.25", cells.get(0).label());
        assertEquals("≈0.123457", cells.get(6).label());
        assertEquals("≈1e-7", cells.get(7).label());
        ColorScale scale = ColorScale.parse(root.getAttribute("data-scale"));
        for (DrawnCell cell : cells) {
            assertEquals(List.of(), CellCheck.differences(cell, CellEncoder.encode(cell.value(), scale,
                    ValueKind.FLOAT)));
        }
    }
}
