package org.attoscope.figures;

import static org.attoscope.figures.FigureAssertions.assertAccessibleSelfContainedSvg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.attoscope.capture.Dtype;
import org.junit.jupiter.api.Test;

/** The figures lesson directives draw: logits, cells, architecture and math. */
class LessonFiguresTest {

    static LogitsVector logits() {
        float[] v = new float[50];
        List<String> words = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            v[i] = -1f + i * 0.01f;
            words.add("w" + i);
        }
        v[7] = 12.5f;
        v[3] = 12.5f; // a tie: the lower id wins
        v[20] = -12f;
        return new LogitsVector("once-upon", "step02.logits_last", List.of(1, 50), List.of(0), v, words, Dtype.F32);
    }

    @Test
    void argmaxResolvesTiesToTheLowerId() {
        assertEquals(3, Argmax.of(logits().logits()));
        assertArrayEquals(new int[] {3, 7, 49, 48}, Argmax.top(logits().logits(), 4));
        assertThrows(FigureException.class, () -> Argmax.of(new float[] {1, Float.NaN}));
    }

    @Test
    void theLogitsFigureShowsTheTopRowsAsCellsAndStatesTheExactArgmax() {
        SvgFigure figure = LogitsFigure.render(logits(), 5);
        var root = assertAccessibleSelfContainedSvg(figure);
        assertEquals("3", root.getAttribute("data-argmax"));
        assertEquals("diverging[-20,20]", root.getAttribute("data-scale"));
        List<DrawnCell> cells = DrawnCells.read(root);
        assertEquals(5, cells.size());
        assertEquals(List.of(0, 3), cells.get(0).index());
        assertEquals(List.of(0, 7), cells.get(1).index());
        assertEquals("≈12.5", cells.get(0).label());
        for (DrawnCell cell : cells) {
            assertEquals(List.of(), CellCheck.differences(cell,
                    CellEncoder.encode(cell.value(), ColorScale.diverging(20), ValueKind.FLOAT)));
        }
        assertTrue(figure.description().contains("exact argmax, ties resolved to the lower id, is “w3” (id 3, "
                + "logit 12.5)"), figure.description());
        assertEquals(LogitsFigure.render(logits(), 5).svg(), figure.svg());
    }

    @Test
    void theCellsFigureLabelsEachCellWithItsTensorAndIndex() {
        List<TensorCell> cells = List.of(
                new TensorCell("once-upon", "step00.hidden_state_00", List.of(1, 5, 160), Dtype.F32, List.of(0, 3, 17),
                        -3.25f, ValueKind.FLOAT),
                new TensorCell("once-upon", "step00.hidden_state_00", List.of(1, 5, 160), Dtype.F32, List.of(0, 3, 18),
                        0.1234567f, ValueKind.FLOAT),
                new TensorCell("once-upon", "ids", List.of(5), Dtype.F32, List.of(4), 4096f, ValueKind.INTEGER));
        SvgFigure figure = CellsFigure.render(cells);
        assertAccessibleSelfContainedSvg(figure);
        List<DrawnCell> drawn = DrawnCells.read(figure.svg());
        assertEquals(List.of("≈-3.25", "≈0.123457", "4096"), drawn.stream().map(DrawnCell::label).toList());
        assertEquals(ValueKind.INTEGER, drawn.get(2).kind());
        assertEquals(List.of(new TensorUse("once-upon", "step00.hidden_state_00", List.of(1, 5, 160), Dtype.F32, 2),
                new TensorUse("once-upon", "ids", List.of(5), Dtype.F32, 1)), figure.tensorsUsed());
        FigureException e = assertThrows(FigureException.class, () -> new TensorCell("once-upon",
                "step00.hidden_state_00", List.of(1, 5, 160), Dtype.F32, List.of(0, 5, 0), 1f, ValueKind.FLOAT));
        assertTrue(e.getMessage().contains("out of range for step00.hidden_state_00 of shape [1, 5, 160]"));
    }

    @Test
    void theArchitectureIsDrawnFromTheConfigWithEveryTensorsParameterCount() {
        ArchitectureSpec spec = new ArchitectureSpec(4096, 128, 160, 2, 80, 640, 5, List.of(
                new ParameterTensor("tok_emb.weight", List.of(4096, 160)),
                new ParameterTensor("pos_emb.weight", List.of(128, 160)),
                new ParameterTensor("block.ln1.weight", List.of(160)),
                new ParameterTensor("block.attn.qkv.weight", List.of(480, 160)),
                new ParameterTensor("block.attn.proj.weight", List.of(160, 160)),
                new ParameterTensor("block.ln2.weight", List.of(160)),
                new ParameterTensor("block.mlp.fc.weight", List.of(640, 160)),
                new ParameterTensor("block.mlp.proj.weight", List.of(160, 640)),
                new ParameterTensor("ln_f.weight", List.of(160))));
        assertEquals(983_520, spec.parameterCount());
        SvgFigure figure = ArchitectureFigure.render(spec);
        var root = assertAccessibleSelfContainedSvg(figure);
        String text = root.getTextContent();
        for (String shown : new String[] {"983,520", "655,360", "480×160", "76,800", "2 heads × 80", "top-5",
            "160 → 640 → 160", "128 per window", "4,096"}) {
            assertTrue(text.contains(shown), "shows " + shown);
        }
        assertEquals(ArchitectureFigure.render(spec).svg(), figure.svg());
    }

    @Test
    void mathIsDrawnAsPathsWithTheLatexAsItsAccessibleText() {
        String latex = "p_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}";
        SvgFigure display = MathFigure.render(latex, MathStyle.DISPLAY);
        var root = assertAccessibleSelfContainedSvg(display);
        assertEquals(latex, display.description());
        assertEquals(latex, root.getElementsByTagNameNS("*", "desc").item(0).getTextContent());
        assertTrue(root.getElementsByTagNameNS("*", "path").getLength() >= 8, "one path per glyph at least");
        assertEquals(0, root.getElementsByTagNameNS("*", "text").getLength());
        assertFalse(display.svg().contains("font-family"));
        assertEquals(display.svg(), MathFigure.render(latex, MathStyle.DISPLAY).svg());
        SvgFigure inline = MathFigure.render(latex, MathStyle.INLINE);
        assertTrue(inline.svg().contains("vertical-align:-"), "inline math sits on the text baseline");
        assertTrue(inline.svg().length() < display.svg().length() * 2);
    }

    @Test
    void latexThatDoesNotParseIsAFigureError() {
        FigureException e = assertThrows(FigureException.class,
                () -> MathFigure.render("\\notacommand{x}", MathStyle.DISPLAY));
        assertTrue(e.getMessage().contains("does not parse"), e.getMessage());
    }

    @Test
    void aFormulaNestedPastThirtyTwoBracesIsRefusedBeforeLayout() {
        String deep = "\\frac{1}{".repeat(33) + "x" + "}".repeat(33);
        FigureException e = assertThrows(FigureException.class, () -> MathFigure.render(deep, MathStyle.INLINE));
        assertTrue(e.getMessage().contains("nests braces 33 levels deep; attoscope draws at most 32"), e.getMessage());
        assertTrue(e.getMessage().contains("'\\frac{1}{\\frac{1}{"), "quotes the formula's start");
        String fine = "\\frac{1}{".repeat(16) + "x" + "}".repeat(16);
        assertTrue(MathFigure.render(fine, MathStyle.INLINE).svg().contains("<path"));
        assertEquals(2, MathFigure.braceDepth("a_{b^{c}} \\{ \\{ d"), "escaped braces are text");
    }

    @Test
    void nestingWithoutBracesThatOverflowsTheLayoutIsAFigureErrorToo() {
        FigureException e = assertThrows(FigureException.class,
                () -> MathFigure.render("\\sqrt".repeat(20_000) + "x", MathStyle.INLINE));
        assertTrue(e.getMessage().contains("is nested too deeply to lay out"), e.getMessage());
    }
}
