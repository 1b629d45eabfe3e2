package org.attoscope.verify;

import static org.attoscope.verify.SharedChecker.HTML;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.attoscope.capture.CaptureLibrary;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.SiteBuild;
import org.attoscope.testing.TinyProject;
import org.attoscope.verify.audit.PlainForward;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier's independent runs are held only as long as a page still to be checked needs them: a site of any
 * number of stories verifies in the memory of the pages in flight, not of every story at once.
 */
class AuditedStoriesTest {
    @TempDir
    static Path dir;
    static TinyProject project;
    static ModelBundle bundle;
    static BuiltSite built;

    /** Stories cat and mat; lesson 02-attention shows a point of cat, so cat's run is needed after its explorer page. */
    @BeforeAll
    static void buildOnce() {
        project = new TinyProject(dir);
        assertEquals(0, project.build(), project.err.toString());
        bundle = ModelBundle.load(project.model);
        built = BuiltSite.open(project.site, "site");
    }

    private static AuditedStories stories() {
        return new AuditedStories(project.content, bundle, new PlainForward(bundle), built, SiteBuild.TOP_N);
    }

    @Test
    void aRunIsKeptUntilItsLastCountedAskThenForgotten() {
        AuditedStories stories = stories();
        stories.expect(Map.of("cat", 2, "mat", 1));

        AuditedStories.Audited first = stories.get("cat");
        assertEquals(Set.of("cat"), stories.kept());
        assertSame(first, stories.get("cat"), "the second ask gets the same run, not a second pass");
        assertEquals(Set.of(), stories.kept());

        stories.get("mat");
        assertEquals(Set.of(), stories.kept(), "a story asked for once is never kept");
        assertEquals(2, stories.passes());
    }

    @Test
    void anAskNobodyCountedRunsTheStoryAgainWithTheSameResult() {
        AuditedStories stories = stories();
        AuditedStories.Audited first = stories.get("mat");
        AuditedStories.Audited again = stories.get("mat");

        assertNotSame(first, again);
        assertEquals(2, stories.passes());
        assertEquals(first.text(), again.text());
        assertArrayEquals(first.ids(), again.ids());
        assertEquals(first.sha256(), again.sha256());
        for (int i = 0; i < first.points().size(); i++) {
            assertEquals(first.points().get(i).heads(), again.points().get(i).heads());
            assertEquals(first.points().get(i).top(), again.points().get(i).top());
            assertArrayEquals(first.points().get(i).margins(), again.points().get(i).margins());
        }
        assertEquals(Set.of(), stories.kept());
    }

    @Test
    void eachExplorerPageAsksForItsStoryOnceForItsPointsAndOnceForEachEngineFigure() {
        Map<String, Integer> explorer = new HashMap<>();
        StoryUses.count(new String(built.read("explore/mat/index.html"), java.nio.charset.StandardCharsets.UTF_8), explorer);

        // its points, two attention matrices (one per head of the tiny model) and the surprise strip
        assertEquals(Map.of("mat", 4), explorer);
    }

    /**
     * Checking the pages in the site's order, one by one, with the counts read beforehand: after each page the
     * verifier holds exactly the runs that a later page still needs, each story runs once, and nothing is held at
     * the end. (The site check runs the same pages on two workers; a run's users finishing in another order only
     * changes which of them lets go of it.)
     */
    @Test
    void verifyingPageByPageHoldsOnlyTheRunsLaterPagesNeedAndRunsEachStoryOnce() {
        AuditedStories stories = stories();
        List<String> pages = built.pages();
        stories.expect(StoryUses.of(built, pages));
        PageCheck check = new PageCheck(built, new CaptureFigureCheck(new CaptureLibrary(project.content.resolve("captures"))),
                new EngineFigureCheck(stories), new PointsCheck(stories), HTML, AcceptedHtmlMessage.SITE,
                bundle.tokenizer()::word, bundle.tokenizer().unkId(),
                new ScriptAllowList(built, ShippedFiles.published(built)));

        Set<String> everKept = new TreeSet<>();
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(List.of(), TestSite.lines(check.check(pages.get(i)).findings()), pages.get(i));
            Set<String> later = new TreeSet<>(StoryUses.of(built, pages.subList(i + 1, pages.size())).keySet());
            later.retainAll(askedSoFar(pages.subList(0, i + 1)));
            assertEquals(later, stories.kept(), "after " + pages.get(i));
            everKept.addAll(later);
        }
        assertEquals(Set.of("cat"), everKept, "the story the lesson cites waits from its explorer page to the lesson");
        assertEquals(Set.of(), stories.kept());
        assertEquals(stories.slugs().size(), stories.passes(), "each story ran once");
    }

    private static Set<String> askedSoFar(List<String> pages) {
        return StoryUses.of(built, pages).keySet();
    }
}
