package org.attoscope.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.InputException;
import org.attoscope.testing.Cli;
import org.attoscope.testing.TinyProject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an author writes by habit simply works, and what cannot work says so at the author's file and line. */
class AuthoringGotchasTest {
    private static final int ONE = 0x3c00;

    @TempDir
    Path dir;

    @Test
    void aBodyHeadingOfLevelOneNestsUnderThePageTitle() {
        RenderedLesson lesson = new LessonFixtures(dir).renderAlone("# Big idea\n\nText.\n\n## Detail\n\nMore.\n");
        Document html = Jsoup.parseBodyFragment(lesson.html());
        assertTrue(html.select("h1").isEmpty(), lesson.html());
        assertEquals("Big idea", html.selectFirst("h2").text().replace("Link to this section", "").strip());
        assertEquals("Detail", html.selectFirst("h3").text().replace("Link to this section", "").strip());
    }

    @Test
    void aWholeBuildWithBodyHeadingsPassesTheHtmlChecker() {
        TinyProject project = new TinyProject(dir);
        project.lesson("03-heads", "Heads", "Headings.", "# First\n\nText.\n\n# Second\n\n## Inner\n\nText.\n");
        assertEquals(0, project.build(), project.err.toString());
    }

    @Test
    void aLessonWithoutAnyHeadingOfItsOwnPassesTheHtmlChecker() {
        TinyProject project = new TinyProject(dir);
        project.lesson("03-plain", "Plain", "Only prose.", "Just a paragraph, no headings.\n");
        assertEquals(0, project.build(), project.err.toString());
    }

    @Test
    void markdownNestedTooDeeplyIsRefusedAtTheLineWhereItGoesTooDeep() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        // line 5: a fine quote; line 7: a quote 100 levels deep, past the limit of 64
        InputException e = assertThrows(InputException.class,
                () -> fixtures.renderAlone("> fine\n\n" + "> ".repeat(100) + "deep\n"));
        assertEquals(7, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("nested more than 64 levels deep"), e.getMessage());
        String sixty = fixtures.renderAlone("> ".repeat(60) + "deep enough\n").html();
        assertEquals(60, Jsoup.parseBodyFragment(sixty).select("blockquote").size());
    }

    @Test
    void aFormulaLeftOpenInALongParagraphIsReadAsText() {
        // flexmark's inline-math pattern recurses once per character after $`; 3,000 overflowed a default stack
        RenderedLesson lesson = new LessonFixtures(dir).renderAlone("Costs $`" + "a lot ".repeat(500) + "and more.\n");
        assertTrue(Jsoup.parseBodyFragment(lesson.html()).text().endsWith("a lot and more."), lesson.html());
    }

    @Test
    void markdownNestedDeeperThanTheParserCanRecurseIsTheSameKindOfError() {
        // the real parse thread's stack takes about two million levels; a small one shows what happens past it
        Lesson lesson = Lesson.read(new LessonFixtures(dir).lesson("01-deep.md", "> ".repeat(20_000) + "deep\n"));
        LessonParser smallStack = new LessonParser(com.vladsch.flexmark.parser.Parser.builder(LessonMarkdown.OPTIONS).build(), 256 * 1024);
        InputException e = assertThrows(InputException.class, () -> smallStack.parse(lesson));
        assertTrue(e.getMessage().contains("lessons/01-deep.md: the Markdown is too deep or too long"), e.getMessage());
    }

    @Test
    void aWholeBuildWithDeepMarkdownFailsAtTheLessonNotWithAStackTrace() {
        TinyProject project = new TinyProject(dir);
        project.lesson("03-deep", "Deep", "Deep.", "Text.\n\n" + "- a\n" + "  ".repeat(1) + "- b\n"
                + "> ".repeat(2_000) + "deep\n");
        assertEquals(1, project.build());
        assertTrue(project.err.toString().contains("03-deep.md:"), project.err.toString());
        assertFalse(project.err.toString().contains("StackOverflowError"), project.err.toString());
    }

    @Test
    void headZeroOnAOneHeadTensorIsAccepted() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        // each query attends to itself alone: a real attention row (sums to 1, causal), as the build requires
        int[] bits = new int[16];
        for (int q = 0; q < 4; q++) {
            bits[q * 4 + q] = ONE;
        }
        fixtures.foreignCapture("one-head", bits, "[1,1,4,4]");
        RenderedLesson lesson = fixtures.renderAlone("```heatmap capture=one-head tensor=layer0.attn head=0\n```\n");
        assertEquals(1, lesson.figures().size());
        InputException e = assertThrows(InputException.class,
                () -> fixtures.renderAlone("```heatmap capture=one-head tensor=layer0.attn head=1\n```\n"));
        assertTrue(e.getMessage().contains("one head") && e.getMessage().contains("head=0"), e.getMessage());
    }

    @Test
    void aZeroLengthAxisSaysThereIsNothingToChooseNotUseNothing() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        fixtures.foreignCapture("empty", new int[0], "[1,0,4,4]");
        InputException e = assertThrows(InputException.class,
                () -> fixtures.renderAlone("```heatmap capture=empty tensor=layer0.attn head=0\n```\n"));
        assertFalse(e.getMessage().contains("Fix: use ."), e.getMessage());
        assertTrue(e.getMessage().contains("length 0"), e.getMessage());
    }

    @Test
    void mathWithAnUnclosedOrStrayBraceRenders() {
        LessonFixtures fixtures = new LessonFixtures(dir);
        RenderedLesson lesson = fixtures.renderAlone("Inline $`\\frac{a}{b`$ and stray $`x}`$.\n\n```math\ne^{z_i\n```\n");
        assertEquals(3, Jsoup.parseBodyFragment(lesson.html()).select("svg").size(), lesson.html());
    }

    @Test
    void aTenMegabyteTitleIsTooLongNotBadlyQuoted() {
        TinyProject project = new TinyProject(dir);
        project.story("huge", "x".repeat(10_000_000), "The cat sat.");
        assertEquals(1, project.build());
        String err = project.err.toString();
        assertTrue(err.contains(project.content.resolve("stories/huge.md") + ":2: the front matter is 10000007 characters long"), err);
        assertFalse(err.contains("quote"), err);
        assertTrue(err.length() < 1000, "the message does not repeat the title");
    }

    @Test
    void pointsOutIntoAFolderIsBadUsageNotAStackTrace() throws Exception {
        TinyProject project = new TinyProject(dir);
        Files.writeString(dir.resolve("p.json"), "[{\"name\": \"a\", \"text\": \"the cat sat\"}]");
        Path folder = Files.createDirectories(dir.resolve("out"));
        Cli.Run run = Cli.attoscope("points", "--content", project.content.toString(), "--prompts", dir.resolve("p.json").toString(), "--out", folder.toString());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("--out " + folder + " is a folder"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
