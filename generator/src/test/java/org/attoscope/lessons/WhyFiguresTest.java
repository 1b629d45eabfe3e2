package org.attoscope.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.attoscope.InputException;
import org.attoscope.trace.Explanation;
import org.attoscope.trace.PredictionPoint;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attribution} and {@code ablations}: one point's why and what-if, drawn at build time from the site's trace. */
class WhyFiguresTest {

    @TempDir
    Path dir;

    @Test
    void anAttributionFigureListsEveryPartOfTheTargetAndTheirSumIsTheLogit() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        PredictionPoint point = fixtures.stories().get(0).trace().points().get(3);
        Explanation.Target second = point.explain().targets().get(1);
        RenderedLesson lesson = fixtures.renderAlone("```attribution story=cat-story point=3 target=" + second.token() + "\n```\n");
        String desc = lesson.figures().get(0).svg().description();
        assertTrue(desc.contains("the logit " + signed(second.logit()) + " is the token"), desc);
        assertTrue(desc.contains("the MLP " + signed(second.parts().mlp())), desc);
        var svg = Jsoup.parse(lesson.html()).selectFirst("svg");
        assertEquals("img", svg.attr("role"));
        for (var head : second.parts().heads()) {
            for (Explanation.LinkPart l : head) {
                assertTrue(desc.contains("#" + l.source() + " " + signed(l.logit())), desc);
            }
        }
    }

    @Test
    void anAblationsFigureShowsEveryRerunAndAnUnknownTargetFailsWithTheChoices() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        PredictionPoint point = fixtures.stories().get(0).trace().points().get(3);
        RenderedLesson lesson = fixtures.renderAlone("```ablations story=cat-story point=3\n```\n");
        String desc = lesson.figures().get(0).svg().description();
        assertTrue(desc.contains("head 0 off " + percent(point.explain().ablations().get("head0_off").targetProbs().get(0))), desc);
        assertTrue(desc.contains("dense attention "), desc);
        InputException e = assertThrows(InputException.class,
                () -> fixtures.renderAlone("```ablations story=cat-story point=3 target=zebra\n```\n"));
        assertTrue(e.getMessage().contains("\"zebra\" is not explained at point 3"), e.getMessage());
    }

    private static String signed(double x) {
        return org.attoscope.pages.WhyView.signed(x).replace('\u2212', '−');
    }

    private static String percent(double p) {
        return new java.math.BigDecimal(p * 100).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
