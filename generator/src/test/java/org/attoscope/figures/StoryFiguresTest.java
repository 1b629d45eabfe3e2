package org.attoscope.figures;

import static org.attoscope.figures.FigureAssertions.assertAccessibleSelfContainedSvg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.attoscope.trace.AttentionLink;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The explorer's build-time figures: a head's attention across a story, and the surprise strip. */
class StoryFiguresTest {

    /** A story of n tokens where each query keeps itself (weight 0.75) and its predecessor (0.25), in a window of
     *  {@code window} tokens. */
    static AttentionMatrix story(int n, int window) {
        List<String> tokens = new ArrayList<>();
        List<AttentionRow> rows = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            tokens.add(q == 0 ? "<bos>" : "w" + q);
            int start = Math.max(0, q - window + 1);
            rows.add(q == start ? new AttentionRow(q, start, List.of(new AttentionLink(q, 1)))
                    : new AttentionRow(q, start, List.of(new AttentionLink(q, 0.75), new AttentionLink(q - 1, 0.25))));
        }
        return new AttentionMatrix("long-story", "points.heads[1]", 1, tokens, rows);
    }

    @Test
    void onlyNonzeroWeightsBecomeCellsSoALongStoryStaysSmall() {
        SvgFigure figure = AttentionMatrixFigure.render(story(240, 128));
        List<DrawnCell> cells = DrawnCells.read(figure.svg());
        // two links per query, one at the first: every nonzero weight and nothing else
        assertEquals(2 * 240 - 1, cells.size());
        assertEquals(cells.size(), figure.cellCount());
        // under 60 bytes a cell: one element each, no title (the explorer reads the value from its bits), its
        // query and key where it is drawn
        assertTrue(figure.svg().length() < cells.size() * 60 + 10_000, "size " + figure.svg().length());
        for (DrawnCell cell : cells) {
            assertEquals("points.heads[1]", cell.tensor());
            assertNull(cell.tooltip());
            assertEquals(List.of(), CellCheck.differences(cell,
                    CellEncoder.encode(cell.value(), ColorScale.sequential(), ValueKind.FLOAT)));
        }
        assertAccessibleSelfContainedSvg(figure);
    }

    @Test
    void aCellsQueryAndKeyAreWhereItIsDrawn() {
        String svg = AttentionMatrixFigure.render(story(240, 128)).svg();
        assertTrue(svg.contains("<path data-bits=\"3f400000\" stroke=\"" + CellEncoder.encode(0.75f, ColorScale.sequential(),
                ValueKind.FLOAT).fillHex() + "\" d=\"M239 239h1\"/>"), "query 239 keeps itself at 0.75, one unit at (239, 239)");
        assertTrue(svg.contains("transform=\"translate(12 116)scale(12)\""), "the grid's top-left half a cell up, a unit a cell");
        for (DrawnCell cell : DrawnCells.read(svg)) {
            int q = cell.index().get(0);
            int k = cell.index().get(1);
            assertEquals(k == q ? (q == 0 ? 1f : 0.75f) : 0.25f, cell.value(), "cell (" + q + "," + k + ")");
            assertTrue(k == q || k == q - 1, "cell (" + q + "," + k + ")");
        }
    }

    @Test
    void theWindowIsOneOutlineDownTheDiagonalAndBackUpTheWindowStarts() {
        // rows 0 and 1 see keys 0.., row 2 (a window of two) keys 1..2
        assertEquals("M0 0H1v1h1v1h1v1H1V2H0z", AttentionMatrixFigure.window(story(3, 2), 0, 0, 1));
        assertEquals("M0 0H1v1h1v1h1v1H0z", AttentionMatrixFigure.window(story(3, 128), 0, 0, 1));
    }

    @Test
    void aShortStoryLabelsTheCellsWhereTheyFit() {
        List<DrawnCell> cells = DrawnCells.read(AttentionMatrixFigure.render(story(8, 128)).svg());
        assertEquals("1", cells.get(0).label(), "exactly 1 reads 1 (FORMATS.md 6)");
        assertEquals("≈0.75", cells.get(1).label());
    }

    @Test
    void keptDroppedAndUnseenCellsLookApart() {
        String svg = AttentionMatrixFigure.render(story(200, 128)).svg();
        // every row keeps at least 12 px, whatever the length: a long story scrolls rather than shrinks
        assertTrue(svg.contains("data-cell=\"12\""), "cell size");
        assertTrue(svg.matches("(?s).*class=\"window\" transform=\"[^\"]*\" fill=\"" + AttentionMatrixFigure.DROPPED_FILL.hex() + "\".*"));
        assertTrue(svg.contains("class=\"unseen\" fill=\"" + AttentionMatrixFigure.UNSEEN_FILL.hex() + "\""));
        for (DrawnCell cell : DrawnCells.read(svg)) {
            assertTrue(!cell.fill().equals(AttentionMatrixFigure.DROPPED_FILL) && !cell.fill().equals(AttentionMatrixFigure.UNSEEN_FILL),
                    "a kept link never looks dropped or unseen");
        }
        assertTrue(svg.contains(">198 w198</text>") && svg.contains(">3 w3</text>"), "the diagonal names every third row of a long story");
        assertTrue(!svg.contains("style="), "no inline style attributes");
    }

    @Test
    void aLinkOutsideTheQueryWindowIsRefused() {
        assertThrows(FigureException.class, () -> new AttentionMatrix("s", "t", 0, List.of("a", "b"),
                List.of(new AttentionRow(0, 0, List.of(new AttentionLink(1, 1))))));
    }

    @Test
    void theSurpriseStripHasOneMarkPerTokenAndMarksExcludedTokensApart() {
        List<SurpriseMark> marks = List.of(
                new SurpriseMark(0, "<bos>", "once", 2.5, false),
                new SurpriseMark(1, "once", "upon", 0.0725707, false),
                new SurpriseMark(2, "upon", "<unk>", Double.NaN, true),
                new SurpriseMark(3, "<unk>", "time", 6.1, false));
        SvgFigure figure = SurpriseStripFigure.render("once-upon", marks);
        Element root = assertAccessibleSelfContainedSvg(figure);
        List<Element> drawn = marks(root);
        assertEquals(4, drawn.size());
        assertEquals("excluded", drawn.get(2).getAttribute("data-surprise"));
        assertEquals("0.0725707", drawn.get(1).getAttribute("data-surprise"), "6 significant digits");
        assertEquals("2.5", drawn.get(0).getAttribute("data-surprise"));
        // one element a mark: the explorer's readout says what a title would
        assertEquals(0, root.getElementsByTagNameNS("*", "title").getLength() - 1, "the figure's own title only");
        assertEquals("M0 0v30", drawn.get(0).getAttribute("d"), "2.5 of 10 nats (the axis to 10) is 30 of 120 px, up from the baseline");
        assertEquals(SurpriseStripFigure.render("once-upon", marks).svg(), figure.svg());
        assertThrows(FigureException.class, () -> new SurpriseMark(0, "a", "b", Double.NaN, false));
    }

    private static List<Element> marks(Element root) {
        List<Element> out = new ArrayList<>();
        NodeList groups = root.getElementsByTagNameNS("*", "path");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ("mark".equals(g.getAttribute("class"))) {
                out.add(g);
            }
        }
        return out;
    }

    @Test
    void theExplorerMatrixIsDeterministic() {
        assertEquals(AttentionMatrixFigure.render(story(30, 128)).svg(),
                AttentionMatrixFigure.render(story(30, 128)).svg());
        assertNull(DrawnCells.read(AttentionMatrixFigure.render(story(200, 128)).svg()).get(5).label());
    }
}
