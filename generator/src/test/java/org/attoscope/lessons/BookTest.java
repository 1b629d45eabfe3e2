package org.attoscope.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.attoscope.InputException;
import org.attoscope.pages.SectionPage;
import org.attoscope.pages.StoryTraces;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lessons form a book: ordered by NN, a contents page, previous and next, links between lessons rewritten. */
class BookTest {

    @TempDir
    Path dir;

    @Test
    void lessonsAreOrderedByNumberWithAContentsPageAndPreviousAndNextLinks() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        fixtures.lesson("10-last.md", "## End\n\nBack to [the start](02-first.md#begin).\n");
        fixtures.lesson("02-first.md", "## Begin\n\nText.\n");
        fixtures.lesson("05-middle.md", "## Middle\n\n### Detail\n\nSee [a story](../stories/cat-story.md).\n");
        LessonFixtures.write(fixtures.content.resolve("lessons/README.md"), "# Notes for authors, not a lesson\n");

        List<SectionPage> pages = fixtures.section().pages(StoryTraces.of(fixtures.stories()), LessonFixtures.FRAGMENTS);
        assertEquals(List.of("lessons/index.html", "lessons/02-first/index.html", "lessons/05-middle/index.html",
                "lessons/10-last/index.html"), pages.stream().map(SectionPage::path).toList());
        assertEquals("lessons", pages.get(0).template());
        @SuppressWarnings("unchecked")
        List<LessonEntry> contents = (List<LessonEntry>) pages.get(0).variables().get("lessons");
        assertEquals(List.of(new LessonEntry(2, "02-first.md", "About 02-first.md.", "lessons/02-first/index.html"),
                new LessonEntry(5, "05-middle.md", "About 05-middle.md.", "lessons/05-middle/index.html"),
                new LessonEntry(10, "10-last.md", "About 10-last.md.", "lessons/10-last/index.html")), contents);
        assertEquals("02", contents.get(0).numberText());

        LessonPage first = page(pages.get(1));
        LessonPage middle = page(pages.get(2));
        LessonPage last = page(pages.get(3));
        assertNull(first.previous());
        assertEquals(contents.get(1), first.next());
        assertEquals(contents.get(0), middle.previous());
        assertEquals(contents.get(2), middle.next());
        assertEquals(contents.get(1), last.previous());
        assertNull(last.next());
        assertEquals(List.of(1, 2, 3, 3), List.of(first.position(), middle.position(), last.position(), last.total()));

        assertEquals(List.of(new TocEntry(2, "middle", "Middle"), new TocEntry(3, "detail", "Detail")), middle.toc());
        assertTrue(middle.html().contains("<h2 id=\"middle\">"), middle.html());
        assertEquals("../../explore/cat-story/index.html", Jsoup.parse(middle.html()).selectFirst("p a").attr("href"));
        assertEquals("../02-first/index.html#begin", Jsoup.parse(last.html()).selectFirst("p a").attr("href"));
    }

    @Test
    void aContentFolderWithoutLessonsHasNoLessonsPagesAndNoLink() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        assertEquals(List.of(), fixtures.section().pages(StoryTraces.of(fixtures.stories()), LessonFixtures.FRAGMENTS));
        assertTrue(fixtures.section().nav().isEmpty());
        fixtures.lesson("01-one.md", "One.\n");
        assertEquals("lessons/index.html", fixtures.section().nav().orElseThrow().href());
    }

    @Test
    void twoLessonsMayNotShareANumber() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        fixtures.lesson("03-a.md", "A.\n");
        Path second = fixtures.lesson("03-b.md", "B.\n");
        InputException e = assertThrows(InputException.class, () -> Book.load(fixtures.content));
        assertEquals(second, e.file());
        assertTrue(e.problem().contains("lesson number 03 is also used by 03-a.md"), e.getMessage());
    }

    @Test
    void aLessonFileNameMustBeNumberAndSlug() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        fixtures.lesson("Intro Lesson.md", "A.\n");
        InputException e = assertThrows(InputException.class, () -> Book.load(fixtures.content));
        assertTrue(e.getMessage().contains("is not NN-SLUG.md"), e.getMessage());
        assertTrue(e.fix().contains("07-intro-lesson.md"), e.fix());
    }

    @Test
    void theSameLessonsRenderToTheSameBytes() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        String lesson = """
                ## Everything

                A formula $`x_t = E_{id} + P_t`$, a table, a footnote.[^n]

                | a | b |
                |---|---|
                | 1 | 2 |

                ```heatmap capture=tiny-run tensor=step01.attention_scores_00 head=0
                ```

                ```logits capture=tiny-run tensor=step01.logits_last top=5
                ```

                ```cells capture=tiny-run tensor=step00.hidden_state_00,step00.residual_00 at="0,2,0 0,2,1"
                ```

                ```explorer story=cat-story point=3
                ```

                ```architecture
                ```

                [^n]: A note.
                """;
        fixtures.lesson("01-all.md", lesson);
        String once = fixtures.render().get(0).html();
        assertEquals(once, fixtures.render().get(0).html());
        LessonFixtures elsewhere = new LessonFixtures(dir.resolve("elsewhere"));
        elsewhere.lesson("01-all.md", lesson);
        assertEquals(once, elsewhere.render().get(0).html(), "nothing of the machine or folder leaks into a page");
        assertFalse(once.contains(dir.toString()));
        assertEquals(5, Jsoup.parse(once).select("figure.lesson-figure").size());
        assertEquals(1, Jsoup.parse(once).select("table.lesson-table").size());
        assertEquals(1, Jsoup.parse(once).select("div.footnotes li").size());
    }

    private static LessonPage page(SectionPage page) {
        assertEquals("lesson", page.template());
        return (LessonPage) page.variables().get("lesson");
    }
}
