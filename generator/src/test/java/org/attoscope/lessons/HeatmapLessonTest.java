package org.attoscope.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import org.attoscope.capture.Capture;
import org.attoscope.capture.CapturedTensor;
import org.attoscope.figures.DrawnCell;
import org.attoscope.figures.DrawnCells;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson with a heatmap directive, rendered from a capture the tiny model recorded. */
class HeatmapLessonTest {
    static final List<String> TOKENS = List.of("<bos>", "the", "cat", "sat", "on", "the", "mat");

    @TempDir
    static Path dir;
    static LessonFixtures fixtures;
    static RenderedLesson lesson;
    static CapturedTensor captured;

    @BeforeAll
    static void render() {
        fixtures = new LessonFixtures(dir);
        fixtures.lesson("01-attention.md", """
                ## Every cell

                ```heatmap capture=tiny-run tensor=step00.attention_00 head=1 caption="Head 1, every cell."
                ```
                """);
        lesson = fixtures.render().get(0);
        captured = Capture.load(fixtures.captures(), LessonFixtures.CAPTURE).tensor("step00.attention_00");
    }

    @Test
    void theHeatmapHasExactlyTTimesTCellsEachCarryingTheCapturedFloatsBits() {
        int t = TOKENS.size();
        assertEquals(List.of(1, 2, t, t), captured.shape());
        List<DrawnCell> cells = DrawnCells.read(lesson.figures().get(0).svg().svg());
        assertEquals(t * t, cells.size());
        for (DrawnCell cell : cells) {
            assertEquals("step00.attention_00", cell.tensor());
            List<Integer> index = cell.index();
            assertEquals(List.of(0, 1), index.subList(0, 2), "head 1 of batch 0");
            float value = captured.value(index.stream().mapToInt(Integer::intValue).toArray());
            assertEquals(String.format("%08x", Float.floatToRawIntBits(value)), cell.bits(), "bits of " + index);
        }
    }

    @Test
    void everyCellIsLabelledToSixSignificantDigitsWithTrailingZerosDroppedAndMarkedAsRounded() {
        for (DrawnCell cell : DrawnCells.read(lesson.figures().get(0).svg().svg())) {
            float value = cell.value();
            if (value == 0 || value == 1) {
                assertEquals(value == 0 ? "0" : "1", cell.label(), "exactly 0 and 1 carry no ≈ (FORMATS.md 6)");
                continue;
            }
            assertTrue(cell.label().startsWith("≈"), cell.label());
            if (Math.abs(value) >= 1e-5) {
                String expected = new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN))
                        .stripTrailingZeros().toPlainString();
                assertEquals("≈" + expected, cell.label());
            }
            String digits = cell.label().substring(1).replaceFirst("e.*", "").replace("-", "").replace(".", "")
                    .replaceFirst("^0+", "");
            assertTrue(digits.length() <= 6, cell.label());
            assertFalse(cell.label().contains(".") && cell.label().replaceFirst("e.*", "").endsWith("0"), cell.label());
        }
    }

    @Test
    void rowsAndColumnsAreLabelledWithTheTokensTheModelReadAtThatStep() {
        for (DrawnCell cell : DrawnCells.read(lesson.figures().get(0).svg().svg())) {
            int q = cell.index().get(2);
            int k = cell.index().get(3);
            assertTrue(cell.tooltip().startsWith("q=" + q + " “" + TOKENS.get(q) + "” → k=" + k + " “"
                    + TOKENS.get(k) + "”: "), cell.tooltip());
            assertEquals(k > q, cell.masked(), "keys after their query are causal-masked");
        }
        assertEquals(1, DrawnCells.read(lesson.figures().get(0).svg().svg()).stream()
                .filter(c -> c.index().get(2) == 0 && c.index().get(3) == 0 && c.label().equals("1")).count(),
                "<bos> attends only to itself");
    }

    @Test
    void theFigureSaysWhichCaptureTensorShapeStepAndPrecision() {
        Element figure = Jsoup.parse(lesson.html()).selectFirst("figure#figure-1");
        assertEquals("heatmap", figure.attr("data-directive"));
        assertEquals("01-attention.md:7", figure.attr("data-from"));
        assertEquals("tiny-run", figure.attr("data-capture"));
        assertEquals("step00.attention_00", figure.attr("data-tensor"));
        assertEquals("1,2,7,7", figure.attr("data-shape"));
        assertEquals(captured.sha256(), figure.attr("data-sha256"));
        assertEquals("[0, 1, :, :]", figure.attr("data-slice"));
        String caption = figure.selectFirst("figcaption").text();
        assertEquals("Figure 1. Head 1, every cell. Capture tiny-run, tensor step00.attention_00 of shape "
                + "[1, 2, 7, 7], step 0; every cell of [0, 1, :, :], head 1, rows and columns labelled with the step's "
                + "tokens; captured fp32, shown to 6 significant digits.", caption);
        assertTrue(lesson.figures().get(0).svg().description().contains("captured fp32, shown to 6 significant digits"));
    }

    @Test
    void tokenIdsAreExactIntegersWithNoRoundingMark() {
        RenderedLesson ids = fixtures.renderAlone("```tokens capture=tiny-run step=1\n```\n");
        String svg = ids.figures().get(0).svg().svg();
        assertFalse(svg.contains("≈"));
        assertTrue(ids.figures().get(0).svg().description().startsWith("8 tokens: <bos> (id 1), the (id 8), cat (id 9), "
                + "sat (id 10), on (id 11), the (id 8), mat (id 12), "), ids.figures().get(0).svg().description());
    }
}
