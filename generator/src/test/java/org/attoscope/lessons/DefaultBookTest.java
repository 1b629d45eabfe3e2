package org.attoscope.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.attoscope.capture.CaptureLibrary;
import org.attoscope.capture.CapturedTensor;
import org.attoscope.content.SiteConfig;
import org.attoscope.content.Story;
import org.attoscope.figures.DrawnCell;
import org.attoscope.figures.DrawnCells;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.PageFigures;
import org.attoscope.pages.Fragments;
import org.attoscope.pages.StoryTraces;
import org.attoscope.pages.SiteBuild;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.pages.TracedStory;
import org.attoscope.testing.TestModels;
import org.attoscope.trace.Tracer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's own book, built with the real model into a site, the way {@code attoscope build} does. */
class DefaultBookTest {
    static final List<String> LESSONS = List.of("01-tokens", "02-embeddings", "03-sparse-attention",
            "04-mlp-and-logits", "05-one-prediction", "06-trust", "07-why-this-word");

    @TempDir
    static Path dir;
    static Path site;
    static Path content;

    @BeforeAll
    static void build() {
        content = TestModels.repoRoot().resolve("content");
        ModelBundle bundle = TestModels.realBundle();
        site = dir.resolve("site");
        new SiteBuild(new SiteBuild.Folders(content, TestModels.repoRoot().resolve("templates"), site),
                SiteConfig.load(content), bundle, PageFigures.NONE, SiteVerifier.NONE, w -> { }, 2,
                List.of(new LessonSection(content, bundle))).run();
    }

    @Test
    void theContentsPageListsEveryLessonInOrderAndTheSiteLinksToIt() throws IOException {
        Document contents = page("lessons/index.html");
        List<String> links = contents.select("ol.contents a.contents-link").eachAttr("href");
        assertEquals(LESSONS.stream().map(l -> "../lessons/" + l + "/index.html").toList(), links);
        assertEquals(LESSONS.size(), contents.select("p.contents-summary").size());
        for (String page : List.of("index.html", "explore/index.html", "how-it-works/index.html")) {
            String depth = "../".repeat((int) page.chars().filter(c -> c == '/').count());
            assertTrue(page(page).select("nav.nav a").eachAttr("href").contains(depth + "lessons/index.html"), page);
        }
        assertTrue(page("index.html").select("p.actions a").eachAttr("href").contains("lessons/index.html"));
    }

    @Test
    void everyLessonHasFiguresPreviousAndNextAndOnlyRelativeLinks() throws IOException {
        for (int i = 0; i < LESSONS.size(); i++) {
            Document lesson = page("lessons/" + LESSONS.get(i) + "/index.html");
            assertFalse(lesson.select("figure.lesson-figure").isEmpty(), LESSONS.get(i));
            assertFalse(lesson.select("nav.lesson-toc li").isEmpty(), LESSONS.get(i));
            for (Element entry : lesson.select("nav.lesson-toc li a")) {
                Element heading = lesson.getElementById(entry.attr("href").substring(1));
                heading.select(".heading-anchor").remove();
                assertEquals(heading.text(), entry.text(), "the contents list a heading as it reads: " + LESSONS.get(i));
            }
            assertEquals(i > 0, !lesson.select("a.pager-prev").isEmpty());
            assertEquals(i + 1 < LESSONS.size(), !lesson.select("a.pager-next").isEmpty());
            if (i + 1 < LESSONS.size()) {
                assertEquals("../../lessons/" + LESSONS.get(i + 1) + "/index.html",
                        lesson.selectFirst("a.pager-next").attr("href"));
            }
            for (Element link : lesson.select("[href], [src]")) {
                String target = link.hasAttr("href") ? link.attr("href") : link.attr("src");
                assertFalse(target.matches("^([a-z]+:|/).*"), LESSONS.get(i) + " links to " + target);
                Path resolved = site.resolve("lessons/" + LESSONS.get(i)).resolve(target.replaceFirst("#.*", ""))
                        .normalize();
                assertTrue(target.startsWith("#") || Files.exists(resolved), LESSONS.get(i) + ": " + target);
            }
            for (Element svg : lesson.select("svg")) {
                assertEquals("img", svg.attr("role"));
                assertFalse(svg.select("title").first().text().isBlank());
                assertFalse(svg.select("desc").first().text().isBlank());
            }
        }
    }

    @Test
    void everyCellOnEveryLessonPageCarriesTheBitsOfTheCapturedFloatItNames() throws IOException {
        CaptureLibrary captures = new CaptureLibrary(content.resolve("captures"));
        int checked = 0;
        for (String name : LESSONS) {
            for (Element figure : page("lessons/" + name + "/index.html").select("figure[data-capture]")) {
                String capture = figure.attr("data-capture");
                for (DrawnCell cell : DrawnCells.read(figure.selectFirst("svg").outerHtml()
                        .replace("viewbox", "viewBox"))) {
                    CapturedTensor tensor = captures.get(capture).tensor(cell.tensor());
                    int[] index = cell.index().stream().mapToInt(Integer::intValue).toArray();
                    assertEquals(String.format("%08x", tensor.floatBits(tensor.flatIndex(index))), cell.bits(),
                            name + " " + cell.tensor() + Arrays.toString(index));
                    assertTrue(Arrays.asList(figure.attr("data-tensor").split(";")).contains(cell.tensor()));
                    checked++;
                }
            }
        }
        assertTrue(checked > 600, "cells checked: " + checked);
    }

    @Test
    void theSparseAttentionLessonShowsEveryCellOfBothFigures() throws IOException {
        Document lesson = page("lessons/03-sparse-attention/index.html");
        for (String tensor : List.of("step00.attention_scores_00", "step00.attention_00")) {
            Element figure = lesson.selectFirst("figure[data-tensor=" + tensor + "][data-slice=[0, 1, :, :]]");
            assertEquals(81, DrawnCells.read(figure.selectFirst("svg").outerHtml().replace("viewbox", "viewBox"))
                    .size(), "9 tokens: 9 x 9 cells of " + tensor);
        }
    }

    @Test
    void renderingTheBookAgainGivesTheSameBytes() throws IOException {
        ModelBundle bundle = TestModels.realBundle();
        List<TracedStory> traced = new java.util.ArrayList<>();
        try (Tracer tracer = new Tracer(TestModels.realEngine(), SiteBuild.TOP_N, 1, true)) {
            for (String slug : List.of("up-and-down", "lily-and-the-ball")) {
                Story story = Story.read(content.resolve("stories/" + slug + ".md"));
                traced.add(new TracedStory(story, bundle.tokenizer().encode(story.text()),
                        tracer.trace(new Tracer.Prompt(story.slug(), story.text())), List.of()));
            }
        }
        List<RenderedLesson> again = new LessonSection(content, bundle).render(StoryTraces.of(traced),
                Fragments.of(TestModels.repoRoot().resolve("templates")));
        for (int i = 0; i < LESSONS.size(); i++) {
            assertTrue(read("lessons/" + LESSONS.get(i) + "/index.html").contains(again.get(i).html()),
                    LESSONS.get(i) + ": the same body, rendered again");
        }
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(read(path));
    }

    private static String read(String path) throws IOException {
        return Files.readString(site.resolve(path), StandardCharsets.UTF_8);
    }
}
