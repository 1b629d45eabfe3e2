package org.attoscope.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.attoscope.figures.DrawnCell;
import org.attoscope.figures.DrawnCells;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/** A capture written by another tool renders in a lesson; formulas become SVG paths with their LaTeX kept. */
class ForeignCaptureAndMathTest {

    // F16 bit patterns: 1, 0.5, 0.25, 0.375, 0.125 and 0x2e66 (0.0999755859375), all exact in float32.
    static final int ONE = 0x3c00;
    static final int HALF = 0x3800;
    static final int QUARTER = 0x3400;
    static final int THREE_EIGHTHS = 0x3600;
    static final int EIGHTH = 0x3000;
    static final int TENTH = 0x2e66;

    @TempDir
    Path dir;

    @Test
    void aCaptureFromAnotherToolRendersLabelledByPositionWithItsOwnPrecision() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        int[] head0 = {ONE, 0, 0, 0, HALF, HALF, 0, 0, QUARTER, THREE_EIGHTHS, THREE_EIGHTHS, 0,
            EIGHTH, EIGHTH, QUARTER, HALF};
        int[] head1 = {ONE, 0, 0, 0, EIGHTH, 0x3b00, 0, 0, TENTH, QUARTER, 0x3866, 0, QUARTER, QUARTER, QUARTER,
            QUARTER};
        int[] both = new int[32];
        System.arraycopy(head0, 0, both, 0, 16);
        System.arraycopy(head1, 0, both, 16, 16);
        fixtures.foreignCapture("neo-run", both);

        RenderedLesson lesson = fixtures.renderAlone("## Another model\n\n"
                + "```heatmap capture=neo-run tensor=layer0.attn head=1\n```\n");
        List<DrawnCell> cells = DrawnCells.read(lesson.figures().get(0).svg().svg());
        assertEquals(16, cells.size());
        DrawnCell tenth = cells.get(8);
        assertEquals(List.of(0, 1, 2, 0), tenth.index());
        assertEquals("≈0.0999756", tenth.label());
        assertEquals(String.format("%08x", Float.floatToRawIntBits(0.0999755859375f)), tenth.bits());
        assertTrue(tenth.tooltip().startsWith("q=2 “2” → k=0 “0”: 0.099975586"), tenth.tooltip());
        assertEquals("1", cells.get(0).label());
        assertTrue(cells.get(3).masked(), "the upper triangle is all zero, so it is drawn as causal");

        Element figure = Jsoup.parse(lesson.html()).selectFirst("figure");
        assertEquals("F16", figure.attr("data-dtype"));
        String source = figure.selectFirst(".figure-source").text();
        assertEquals("Capture neo-run, tensor layer0.attn of shape [1, 2, 4, 4]; every cell of [0, 1, :, :], head 1, "
                + "rows and columns labelled by position; captured fp16, shown to 6 significant digits.", source);
        assertTrue(lesson.figures().get(0).svg().description().contains("captured fp16"));
    }

    @Test
    void aNonCausalForeignSliceKeepsEveryColour() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        int[] values = new int[32];
        java.util.Arrays.fill(values, QUARTER);
        fixtures.foreignCapture("dense-run", values);
        RenderedLesson lesson = fixtures.renderAlone("```heatmap capture=dense-run tensor=layer0.attn head=0\n```\n");
        assertTrue(DrawnCells.read(lesson.figures().get(0).svg().svg()).stream().noneMatch(DrawnCell::masked));
    }

    @Test
    void inlineAndDisplayMathBecomeSvgPathsWithTheLatexAsAccessibleText() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        RenderedLesson lesson = fixtures.renderAlone("""
                The stream is $`x_t = E_{\\mathrm{id}_t} + P_t`$ at each position.

                ```math
                p_w = \\frac{e^{z_w}}{\\sum_v e^{z_v}}
                ```
                """);
        var page = Jsoup.parse(lesson.html());
        Element inline = page.selectFirst("p span.math-inline > svg");
        Element display = page.selectFirst("div.math-display > svg");
        assertEquals("x_t = E_{\\mathrm{id}_t} + P_t", inline.selectFirst("desc").text());
        assertEquals("p_w = \\frac{e^{z_w}}{\\sum_v e^{z_v}}", display.selectFirst("desc").text());
        assertEquals("img", display.attr("role"));
        for (Element svg : List.of(inline, display)) {
            org.w3c.dom.Element root = DrawnCells.parseSvg(svg.outerHtml().replace("viewbox", "viewBox"));
            NodeList paths = root.getElementsByTagNameNS("*", "path");
            assertTrue(paths.getLength() >= 5, "glyphs drawn as paths: " + paths.getLength());
            assertEquals(0, root.getElementsByTagNameNS("*", "text").getLength(), "no font needed");
        }
        assertFalse(lesson.html().contains("<script"));
        assertTrue(inline.attr("style").contains("vertical-align:-"), "inline math sits on the baseline");
    }
}
