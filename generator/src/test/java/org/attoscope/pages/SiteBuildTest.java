package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.attoscope.InputException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole builds over the tiny model: determinism, atomicity, well-formed pages, links that work anywhere. */
class SiteBuildTest {
    @TempDir
    static Path shared;
    static TinySite tiny;
    static Path site;
    static SiteBuild.Summary summary;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildOnce() {
        tiny = new TinySite(shared.resolve("project"));
        site = shared.resolve("project/site");
        summary = tiny.build(site);
    }

    @Test
    void theSiteHasAHomeAStoryListAnExplorerPerStoryTheExplainerA404AndSearch() {
        assertEquals(List.of(".attoscope-site.json", "404.html", "assets/explorer.js", "assets/favicon.svg", "assets/lessons.css", "assets/playground/engine.js",
                "assets/playground/kernels.js", "assets/playground/kernels.wasm", "assets/playground/kernels.wat",
                "assets/playground/playground.css", "assets/playground/playground.js", "assets/search-index.js", "assets/search.js", "assets/site.css",
                "assets/why.css", "assets/why.js", "explore/cat-and-dog/index.html", "explore/index.html", "explore/mat/index.html",
                "how-it-works/index.html", "index.html", "search/index.html"),
                List.copyOf(SiteFiles.snapshot(site).keySet()));
        assertEquals(7, summary.pages(), "seven HTML pages; the assets are copied and the search index written, not rendered");
        assertEquals(2, summary.stories());
    }

    @Test
    void unknownWordsAreReportedAsWarningsWithFileAndLine() {
        assertEquals(List.of(tiny.content.resolve("stories/cat-and-dog.md") + ":7: \"zebra\" at token 17 is not in the vocabulary"
                + " (read as <unk>); nearest words: a, ran, the."), tiny.warnings);
        assertEquals(1, summary.unknownWords());
    }

    @Test
    void twoBuildsOfTheSameInputAreByteIdentical() {
        Path again = dir.resolve("again");
        tiny.build(again);
        Map<String, byte[]> first = SiteFiles.snapshot(site);
        Map<String, byte[]> second = SiteFiles.snapshot(again);
        assertEquals(first.keySet(), second.keySet());
        first.forEach((path, bytes) -> assertArrayEquals(bytes, second.get(path), path));
    }

    @Test
    void aFailingBuildLeavesTheOldSiteByteIdenticalAndNoLeftovers() throws IOException {
        TinySite project = new TinySite(dir.resolve("p"));
        Path out = dir.resolve("p/site");
        project.build(out);
        Map<String, byte[]> before = SiteFiles.snapshot(out);

        project.story("broken", "Broken", null, "The cat sat.").file("broken.md", "---\ntitel: Broken\n---\nThe cat sat.\n");
        InputException e = assertThrows(InputException.class, () -> project.build(out));
        assertEquals(project.content.resolve("stories/broken.md"), e.file());
        assertEquals(2, e.line());

        Map<String, byte[]> after = SiteFiles.snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        assertEquals(List.of("content", "model"), SiteFiles.siblings(out));
    }

    @Test
    void theVerifierSeesTheCompleteStagedSiteAndAFindingStopsThePublish() throws IOException {
        TinySite project = new TinySite(dir.resolve("p"));
        Path out = dir.resolve("p/site");
        project.build(out);
        Map<String, byte[]> before = SiteFiles.snapshot(out);
        AtomicReference<Path> seen = new AtomicReference<>();
        InputException e = assertThrows(InputException.class, () -> project.build(out, (staged, pages) -> {
            seen.set(staged);
            assertTrue(Files.isRegularFile(staged.resolve("explore/cat-and-dog/index.html")));
            throw new InputException(staged.resolve("index.html"), "a finding.", "fix it.");
        }));
        assertEquals("a finding.", e.problem());
        assertFalse(seen.get().equals(out.toAbsolutePath()), "verification runs before the swap, on the staging folder");
        assertEquals(before.keySet(), SiteFiles.snapshot(out).keySet());
        assertEquals(List.of("content", "model"), SiteFiles.siblings(out));
    }

    @Test
    void aTemplateErrorNamesTheTemplateAndLine() throws IOException {
        Path templates = copyOfTheTemplates();
        Files.writeString(templates.resolve("stories.html"), Files.readString(templates.resolve("stories.html"))
                .replace("th:text=\"${s.title}\"", "th:text=\"${s.nosuchfield}\""));
        InputException e = assertThrows(InputException.class, () -> tiny.build(dir.resolve("out"), SiteVerifier.NONE, templates));
        assertEquals(templates.resolve("stories.html").toAbsolutePath().normalize(), e.file().toAbsolutePath().normalize());
        assertTrue(e.line() > 0, e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aMissingTemplateIsNamed() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        InputException e = assertThrows(InputException.class, () -> tiny.build(dir.resolve("out"), SiteVerifier.NONE, templates));
        assertEquals(templates.resolve("layout.html"), e.file());
    }

    @Test
    void aTemplateIncludingAMissingOneIsNamedAtTheIncludeBeforeAnythingIsBuilt() throws IOException {
        Path templates = copyOfTheTemplates();
        Files.delete(templates.resolve("why.html"));
        InputException e = assertThrows(InputException.class, () -> tiny.build(dir.resolve("out"), SiteVerifier.NONE, templates));
        assertEquals(templates.resolve("story.html"), e.file());
        List<String> story = Files.readAllLines(templates.resolve("story.html"));
        assertTrue(story.get(e.line() - 1).contains("~{why ::"), "the line of the include: " + e.line());
        assertEquals("includes the template why.html, which is not in the templates folder " + templates + ".", e.problem());
        assertEquals("restore why.html from the repository's templates/ folder, or remove the include.", e.fix());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aMissingTemplateOfAPageIsNamedWithTheFix() throws IOException {
        Path templates = copyOfTheTemplates();
        Files.delete(templates.resolve("search.html"));
        InputException e = assertThrows(InputException.class, () -> tiny.build(dir.resolve("out"), SiteVerifier.NONE, templates));
        assertEquals(templates.resolve("search.html"), e.file());
        assertEquals(0, e.line());
        assertEquals("the template is missing: the build renders pages or figures with it.", e.problem());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    private Path copyOfTheTemplates() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        try (var files = Files.list(tiny.templates)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, templates.resolve(f.getFileName()));
            }
        }
        return templates;
    }

    @Test
    void everyPageParsesAsHtmlWithoutASingleError() throws Exception {
        for (Path page : SiteFiles.htmlPages(site)) {
            String html = Files.readString(page);
            Parser parser = Parser.htmlParser().setTrackErrors(50);
            Jsoup.parse(html, "", parser);
            assertEquals(List.of(), parser.getErrors().stream().map(Object::toString).toList(), page.toString());
        }
    }

    @Test
    void everyLinkIsRelativeAndLandsOnAFileOfTheSite() throws IOException {
        for (Path page : SiteFiles.htmlPages(site)) {
            Document doc = Jsoup.parse(Files.readString(page));
            for (Element e : doc.select("[href], [src]")) {
                String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                assertFalse(url.startsWith("/") || url.contains("://") || url.startsWith("//"), page + ": " + url);
                String path = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
                if (path.isEmpty()) {
                    continue;
                }
                Path target = page.getParent().resolve(path).normalize();
                assertTrue(target.startsWith(site), page + ": " + url + " leaves the site");
                assertTrue(Files.isRegularFile(target), page + ": " + url + " does not exist");
            }
        }
    }
}
