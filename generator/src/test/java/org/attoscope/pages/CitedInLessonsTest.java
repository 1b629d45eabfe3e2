package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attoscope.content.SiteConfig;
import org.attoscope.lessons.LessonSection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An explorer lists the lessons whose figures draw its story's points: the plan knows them from the lessons'
 * directives (explorer, attribution, ablations with {@code story=SLUG}) before any page is drawn, in book order,
 * and the page links each lesson at its first figure of the story and each cited point into the page itself.
 */
class CitedInLessonsTest {
    @TempDir
    Path dir;
    TinySite site;

    @BeforeEach
    void lessons() {
        site = new TinySite(dir)
                .lesson("03-why", "Why this word", "A formula and the tokens first.\n\n```tokens text=\"the cat\"\n```\n\n"
                        + "```math\np = e^z\n```\n\n```ablations story=cat-and-dog point=3\n```\n")
                .lesson("01-reading", "Reading a point", "```explorer story=cat-and-dog point=5\n```\n\n"
                        + "```explorer story=cat-and-dog point=3 caption=\"The same story, earlier.\"\n```\n")
                .lesson("02-aside", "An aside", "Prose about [the mat](../stories/mat.md), with no figure of it.\n");
    }

    private SitePlan plan() {
        SiteConfig config = SiteConfig.load(site.content);
        List<SiteSection> sections = List.of(new LessonSection(site.content, site.bundle));
        List<ReadStory> stories = List.copyOf(SitePlan.readStories(site.content, site.bundle.tokenizer(), Map.of(), w -> { }).values());
        SiteRenderer renderer = new SiteRenderer(Templates.open(site.templates), config, site.bundle, sections, null);
        return SitePlan.of(renderer, config, site.bundle, PageFigures.NONE, sections, stories, story -> {
            throw new AssertionError("planning runs no model");
        });
    }

    private static SitePlan.Explorer explorer(SitePlan plan, String slug) {
        return plan.explorers().stream().filter(e -> e.story().story().slug().equals(slug)).findFirst().orElseThrow();
    }

    @Test
    void aStoryCitedByTwoLessonsListsBothInBookOrderEachAtItsFirstFigureOfTheStoryWithThePointsItDraws() {
        assertEquals(List.of(
                        new Citation("cat-and-dog", "Lesson 01", "Reading a point", "lessons/01-reading/index.html#figure-1", List.of(3, 5)),
                        // figure 2: the tokens figure is the first, a formula is no figure
                        new Citation("cat-and-dog", "Lesson 03", "Why this word", "lessons/03-why/index.html#figure-2", List.of(3))),
                explorer(plan(), "cat-and-dog").citedIn());
    }

    @Test
    void aStoryNoFigureDrawsListsNoLessonEvenWhenALessonLinksToIt() {
        assertEquals(List.of(), explorer(plan(), "mat").citedIn());
    }

    @Test
    void theExplorerLinksEachCitingLessonAndItsPointsAndAnUncitedExplorerHasNoSuchSection() throws IOException {
        Path out = dir.resolve("site");
        site.build(out, List.of(new LessonSection(site.content, site.bundle)));

        Document cat = Jsoup.parse(Files.readString(out.resolve("explore/cat-and-dog/index.html")));
        Element cited = cat.getElementById("cited-in");
        assertEquals("Cited in lessons", cited.selectFirst("h2").text());
        assertEquals(List.of("../../lessons/01-reading/index.html#figure-1", "../../lessons/03-why/index.html#figure-2"),
                cited.select("a.cited-lesson").eachAttr("href"));
        assertEquals(List.of("Lesson 01 Reading a point at points 3 and 5", "Lesson 03 Why this word at point 3"),
                cited.select("li").eachText());
        assertEquals(List.of("#p3", "#p5", "#p3"), cited.select(".cited-points a").eachAttr("href"));
        for (String point : cited.select(".cited-points a").eachAttr("href")) {
            assertEquals(1, cat.select(point).size(), "the strip has the cited point " + point);
        }
        // each link lands on the lesson's figure of this story
        Document why = Jsoup.parse(Files.readString(out.resolve("lessons/03-why/index.html")));
        assertEquals("cat-and-dog", why.getElementById("figure-2").attr("data-story"));

        Document mat = Jsoup.parse(Files.readString(out.resolve("explore/mat/index.html")));
        assertNull(mat.getElementById("cited-in"));
        assertEquals(0, mat.getElementsContainingOwnText("Cited in lessons").size());
    }
}
