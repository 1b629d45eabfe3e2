package org.attoscope.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.attoscope.figures.CellCheck;
import org.attoscope.figures.CellEncoder;
import org.attoscope.figures.ColorScale;
import org.attoscope.figures.DrawnCell;
import org.attoscope.figures.DrawnCells;
import org.attoscope.figures.ValueKind;
import org.attoscope.trace.AttentionLink;
import org.attoscope.trace.PredictionPoint;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explorer story=SLUG point=N}: a story's prediction point, fixed on the page, from the site's own trace. */
class ExplorerFigureTest {

    @TempDir
    Path dir;

    @Test
    void everyAttentionLinkOfThePointIsACellWithTheTracesFloatAndTheFiguresPackagesEncoding() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        RenderedLesson lesson = fixtures.renderAlone("```explorer story=cat-story point=3\n```\n");
        PredictionPoint point = fixtures.stories().get(0).trace().points().get(3);
        assertEquals(3, point.focus());
        List<DrawnCell> cells = DrawnCells.read(lesson.figures().get(0).svg().svg());
        int expected = point.heads().stream().mapToInt(List::size).sum();
        assertEquals(expected, cells.size());
        int i = 0;
        for (int h = 0; h < point.heads().size(); h++) {
            for (AttentionLink link : point.heads().get(h)) {
                DrawnCell cell = cells.get(i++);
                assertEquals("points.heads[" + h + "]", cell.tensor());
                assertEquals(List.of(3, link.source()), cell.index());
                assertEquals(Float.floatToRawIntBits((float) link.weight()), Float.floatToRawIntBits(cell.value()));
                assertEquals(List.of(), CellCheck.differences(cell,
                        CellEncoder.encode(cell.value(), ColorScale.sequential(), ValueKind.FLOAT)));
            }
        }
        var figure = Jsoup.parse(lesson.html()).selectFirst("figure");
        assertEquals("cat-story", figure.attr("data-story"));
        assertEquals("3", figure.attr("data-point"));
        assertTrue(lesson.figures().get(0).svg().description().startsWith("Prediction point 3 of story cat-story: "
                + "the model reads positions 0–3"), lesson.figures().get(0).svg().description());
    }
}
