package org.attoscope.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.attoscope.util.Json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.attoscope.InputException;
import org.attoscope.content.SiteConfig;
import org.attoscope.lessons.LessonSection;
import org.attoscope.pages.Addresses;
import org.attoscope.playground.PlaygroundSection;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.LiveSite;
import org.attoscope.pages.ModelPageFigures;
import org.attoscope.pages.SiteBuild;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.testing.TinyProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a warm site renders again after an edit: the edited page and the pages that show what changed, nothing else. */
class IncrementalRebuildTest {
    @TempDir
    Path dir;
    TinyProject project;
    LiveSite live;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void firstBuild() {
        project = new TinyProject(dir);
        live = liveSite(SiteVerifier.NONE);
        LiveSite.Change first = live.update();
        assertTrue(first.written().containsAll(List.of("index.html", "explore/cat/index.html", "lessons/02-attention/index.html",
                "assets/site.css")), first.written().toString());
        assertEquals(2, first.storiesTraced());
    }

    private LiveSite liveSite(SiteVerifier verifier) {
        ModelBundle bundle = ModelBundle.load(project.model);
        return new LiveSite(new SiteBuild.Folders(project.content, project.templates, project.site), SiteConfig.load(project.content),
                bundle, new ModelPageFigures(), verifier, warnings::add, 2, content -> List.of(new LessonSection(content, bundle), new PlaygroundSection(bundle)));
    }

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void withoutAnEditNothingIsWritten() {
        LiveSite.Change again = live.update();
        assertTrue(again.isEmpty(), again.toString());
        assertEquals(0, again.storiesTraced());
    }

    @Test
    void aLessonBodyEditRewritesThatLessonAndTheSearchIndexOnly() {
        project.lesson("01-first", "First lesson", "Where the book starts.", "## Start\n\nNow with a second sentence.\n");
        LiveSite.Change change = live.update();
        assertEquals(List.of(Addresses.SEARCH_INDEX, "lessons/01-first/index.html"), change.written());
        assertTrue(project.read("site/" + Addresses.SEARCH_INDEX).contains(" second sentence"), "the new words are found");
        assertEquals(0, change.storiesTraced());
        assertTrue(project.read("site/lessons/01-first/index.html").contains("Now with a second sentence."));
    }

    @Test
    void aLessonTitleEditAlsoRewritesTheContentsAndTheNextLessonWhichLinkToIt() {
        project.lesson("01-first", "The very first lesson", "Where the book starts.", "## Start\n\nText.\n");
        assertEquals(List.of(Addresses.SEARCH_INDEX, "lessons/01-first/index.html", "lessons/02-attention/index.html", "lessons/index.html"),
                live.update().written());
        assertTrue(project.read("site/lessons/index.html").contains("The very first lesson"));
    }

    @Test
    void aLessonThatStartsOrStopsCitingAStoryRewritesThatStorysExplorerWhichListsItOrNoLonger() {
        assertFalse(project.read("site/explore/mat/index.html").contains("id=\"cited-in\""), "no lesson draws the mat yet");
        String prose = "## Start\n\nThe model reads [a story](../stories/cat.md).\n";
        project.lesson("01-first", "First lesson", "Where the book starts.", prose + "\n```explorer story=mat point=2\n```\n");
        LiveSite.Change cites = live.update();
        assertEquals(List.of("explore/mat/index.html", "lessons/01-first/index.html"), cites.written(),
                "the cat's explorer, cited by lesson 02 alone as before, is left alone (and a figure adds no word to search)");
        assertTrue(project.read("site/explore/mat/index.html").contains("href=\"../../lessons/01-first/index.html#figure-1\""));

        project.lesson("01-first", "First lesson", "Where the book starts.", prose);
        assertEquals(List.of("explore/mat/index.html", "lessons/01-first/index.html"), live.update().written());
        assertFalse(project.read("site/explore/mat/index.html").contains("id=\"cited-in\""), "the list is gone with the last citation");
    }

    @Test
    void anEditToACitingLessonThatKeepsItsCitationsLeavesTheExplorerAlone() {
        project.lesson("02-attention", "Attention", "One head's attention.",
                "## Heads\n\n```heatmap capture=spot-ran tensor=step00.attention_00 head=1\n```\n\nThe same point:\n\n```explorer story=cat point=3\n```\n");
        assertEquals(List.of(Addresses.SEARCH_INDEX, "lessons/02-attention/index.html"), live.update().written());
    }

    @Test
    void renamingACitingLessonRewritesTheExplorerThatListsItByTitle() {
        project.lesson("02-attention", "Attention, head by head", "One head's attention.",
                "## Heads\n\n```heatmap capture=spot-ran tensor=step00.attention_00 head=1\n```\n\n```explorer story=cat point=3\n```\n");
        LiveSite.Change change = live.update();
        assertTrue(change.written().contains("explore/cat/index.html"), change.written().toString());
        assertFalse(change.written().contains("explore/mat/index.html"), change.written().toString());
        assertTrue(project.read("site/explore/cat/index.html").contains("Attention, head by head"));
    }

    @Test
    void aStoryEditTracesThatStoryAloneAndRewritesWhatShowsIt() {
        project.story("mat", "The mat", "The mat sat. The dog ran on the mat.");
        LiveSite.Change change = live.update();
        assertEquals(1, change.storiesTraced(), "the cat's trace stays warm");
        assertTrue(change.written().contains("explore/mat/index.html"), change.written().toString());
        assertTrue(change.written().stream().noneMatch(p -> p.startsWith("lessons/")), "no lesson names the mat: " + change.written());
        assertTrue(change.written().contains(Addresses.SEARCH_INDEX), "the story is found by its new words: " + change.written());
        assertTrue(project.read("site/" + Addresses.SEARCH_INDEX).contains("dog ran"), "the mat's words, in first-seen order");
    }

    @Test
    void anEditThatChangesNoWordLeavesTheSearchIndexAlone() {
        project.lesson("01-first", "First lesson", "Where the book starts.", "## Start\n\nThe *model* reads [a story](../stories/mat.md).\n");
        assertEquals(List.of("lessons/01-first/index.html"), live.update().written());
    }

    @Test
    void aStoryEditRewritesTheLessonsThatShowIt() {
        project.story("cat", "The cat", "The cat sat on the mat. The dog sat.");
        LiveSite.Change change = live.update();
        assertEquals(1, change.storiesTraced(), "one trace serves the explorer and the lesson figure");
        assertTrue(change.written().containsAll(List.of("explore/cat/index.html", "lessons/01-first/index.html", "lessons/02-attention/index.html")),
                change.written().toString());
    }

    @Test
    void aTemplateEditRewritesThePagesOfThatTemplate() throws IOException {
        Path lesson = project.templates.resolve("lesson.html");
        Files.writeString(lesson, Files.readString(lesson).replace("In this lesson", "On this page"));
        assertEquals(List.of("lessons/01-first/index.html", "lessons/02-attention/index.html"), live.update().written());
    }

    @Test
    void aLayoutEditRewritesEveryPageButTracesNothing() throws IOException {
        Path layout = project.templates.resolve("layout.html");
        Files.writeString(layout, Files.readString(layout).replace("built with attoscope", "built with attoscope serve"));
        LiveSite.Change change = live.update();
        assertEquals(htmlPages(), change.written());
        assertEquals(0, change.storiesTraced());
    }

    @Test
    void aCaptureChangeRewritesTheLessonsThatUseIt() throws IOException {
        Path manifest = project.content.resolve("captures/spot-ran.json");
        Files.writeString(manifest, Files.readString(manifest) + "\n");
        assertEquals(List.of("lessons/02-attention/index.html"), live.update().written());
    }

    @Test
    void anAssetEditCopiesThatAsset() throws IOException {
        Files.writeString(project.templates.resolve("assets/site.css"), "\n/* edited */\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of("assets/site.css"), live.update().written());
    }

    @Test
    void aRemovedStoryTakesItsPageAndFolderAway() throws IOException {
        Files.delete(project.content.resolve("stories/mat.md"));
        LiveSite.Change change = live.update();
        assertEquals(List.of("explore/mat/index.html"), change.deleted());
        assertFalse(Files.exists(project.site.resolve("explore/mat")));
    }

    @Test
    void aBrokenEditChangesNothingOnDiskAndTheNextGoodSaveRecovers() {
        Map<String, byte[]> before = snapshot(project.site);
        project.write("content/lessons/01-first.md", "---\ntitle: First lesson\nsummary: [unclosed\n---\nText.\n");
        InputException e = assertThrows(InputException.class, live::update);
        assertEquals(project.content.resolve("lessons/01-first.md"), e.file());
        assertTrue(e.line() >= 3, e.getMessage());
        Map<String, byte[]> after = snapshot(project.site);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((p, b) -> assertArrayEquals(b, after.get(p), p));

        project.lesson("01-first", "First lesson", "Where the book starts.", "## Start\n\nFixed.\n");
        assertEquals(List.of(Addresses.SEARCH_INDEX, "lessons/01-first/index.html"), live.update().written());
        assertTrue(project.read("site/lessons/01-first/index.html").contains("Fixed."));
    }

    @Test
    void pagesWrittenInPlaceAreTheBytesAWholeBuildWrites() throws java.io.IOException {
        live.close();
        live = liveSite(new UnverifiedUpdates());
        live.update();
        project.story("mat", "The mat", "The mat sat. The dog ran on the mat.");
        project.lesson("01-first", "The very first lesson", "Where the book starts.", "## Start\n\nText.\n");
        live.update();
        Map<String, byte[]> incremental = snapshot(project.site);
        assertEquals(0, project.build(), project.err.toString());
        Map<String, byte[]> whole = snapshot(project.site);
        whole.keySet().removeIf(p -> p.startsWith("verification/")); // the verifier's report, which serve does not write
        // the marker lists what is there: for serve, exactly the files it wrote in place, with their hashes
        JsonNode marker = Json.mapper().readTree(incremental.remove(".attoscope-site.json"));
        whole.remove(".attoscope-site.json");
        Map<String, String> listed = new java.util.TreeMap<>();
        marker.path("files").fields().forEachRemaining(e -> listed.put(e.getKey(), e.getValue().asText()));
        Map<String, String> hashed = new java.util.TreeMap<>();
        incremental.forEach((path, bytes) -> hashed.put(path.replace('\\', '/'), org.attoscope.util.Sha256.hex(bytes)));
        assertEquals(hashed, listed);
        assertEquals(whole.keySet(), incremental.keySet());
        whole.forEach((p, b) -> assertArrayEquals(b, incremental.get(p), p));
    }

    private List<String> htmlPages() {
        return snapshot(project.site).keySet().stream().filter(p -> p.endsWith(".html")).toList();
    }

    static Map<String, byte[]> snapshot(Path site) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(site.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
