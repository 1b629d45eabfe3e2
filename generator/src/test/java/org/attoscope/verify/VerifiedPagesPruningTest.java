package org.attoscope.verify;

import static org.attoscope.verify.SharedChecker.HTML;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.attoscope.InputException;
import org.attoscope.util.Folders;
import org.attoscope.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verification cache does not grow with every edit: after a clean run, the entries for that site which the run
 * neither read nor wrote are removed. Nothing else in the folder is: a file someone put there, an entry of another
 * site or of {@code verify --cache}, and nothing at all after a failed run.
 */
class VerifiedPagesPruningTest {
    private static final String MAT = "explore/mat/index.html";
    private static final String CAT = "explore/cat-and-dog/index.html";

    @TempDir
    static Path dir;
    static TestSite site;

    @BeforeAll
    static void buildOnce() {
        site = TestSite.build(dir, HTML);
    }

    private static void build(Path content, Path out, Path cache, Path templates) {
        site.buildCached(content, out, cache, templates);
    }

    /** {@code attoscope verify --cache} of a published site. */
    private static VerificationResult verify(Path content, Path published, Path cache) {
        return site.verifyCached(content, published, cache);
    }

    /** The cache's entries by the page whose outcome each holds; fails if two entries hold the same page. */
    private static Map<String, Path> entriesByPage(Path cache) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        for (Path f : files(cache)) {
            if (f.getFileName().toString().matches("[0-9a-f]{64}\\.json")) {
                String page = Json.mapper().readTree(f.toFile()).path("outcome").path("path").asText();
                assertEquals(null, out.put(page, f), "two entries for " + page);
            }
        }
        return out;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static int pages(Path siteDir) {
        return BuiltSite.open(siteDir, "site").pages().size();
    }

    /**
     * A copy of the content whose mat story has a note: the site search lists a story by its note (else its opening)
     * and words, so {@link #editMatStory} then changes the mat explorer alone.
     */
    private static Path content(String name) {
        Path content = site.copyOfContent(name);
        TestSite.edit(content.resolve("stories/mat.md"), md -> md.replace("title: The mat\n", "title: The mat\nnote: A mat.\n"));
        return content;
    }

    /** Changes the mat explorer page; every other file of the site stays as it was. */
    private static void editMatStory(Path content) {
        TestSite.edit(content.resolve("stories/mat.md"), md -> md.replace("The mat sat?", "The mat sat!"));
    }

    @Test
    void aCleanRebuildRemovesTheEntryOfAPageThatChangedAndKeepsTheEntriesItStillUses() throws IOException {
        Path content = content("stale-content");
        Path out = dir.resolve("stale/site");
        Path cache = dir.resolve("stale/cache");
        build(content, out, cache, site.templates);
        Map<String, Path> before = entriesByPage(cache);
        assertEquals(pages(out), before.size(), "one entry per page");

        editMatStory(content);
        build(content, out, cache, site.templates);
        Map<String, Path> after = entriesByPage(cache);

        assertEquals(before.keySet(), after.keySet(), "still one entry per page, none for a page that is gone");
        assertNotEquals(before.get(MAT), after.get(MAT), "the changed explorer has a new entry");
        assertFalse(Files.exists(before.get(MAT)), "its entry from the earlier build is removed");
        assertEquals(before.get(CAT), after.get(CAT), "the unchanged explorer's entry, read by this build, is kept");
        assertTrue(Files.isRegularFile(after.get(CAT)));
    }

    @Test
    void filesThatAreNotThisSitesEntriesSurviveACleanRun() throws IOException {
        Path out = dir.resolve("foreign/site");
        Path cache = dir.resolve("foreign/cache");
        build(site.content, out, cache, site.templates);
        Path entry = entriesByPage(cache).get(CAT);
        ObjectNode otherSite = (ObjectNode) Json.mapper().readTree(entry.toFile());
        otherSite.put("site", dir.resolve("foreign/other-site").toAbsolutePath().toString());

        Map<Path, byte[]> dropped = new LinkedHashMap<>();
        dropped.put(cache.resolve("notes.txt"), "my notes about this cache\n".getBytes(StandardCharsets.UTF_8));
        dropped.put(cache.resolve("0".repeat(64) + ".json"), "{\"mine\": true}\n".getBytes(StandardCharsets.UTF_8));
        dropped.put(cache.resolve("1".repeat(64) + ".json"), Json.mapper().writeValueAsBytes(otherSite));
        dropped.put(cache.resolve("A".repeat(64) + ".json"), Files.readAllBytes(entry));
        dropped.put(cache.resolve("2".repeat(64) + ".json.bak"), Files.readAllBytes(entry));
        dropped.put(cache.resolve("kept/" + "3".repeat(64) + ".json"), Files.readAllBytes(entry));
        for (Map.Entry<Path, byte[]> f : dropped.entrySet()) {
            Files.createDirectories(f.getKey().getParent());
            Files.write(f.getKey(), f.getValue());
        }

        build(site.content, out, cache, site.templates);

        for (Map.Entry<Path, byte[]> f : dropped.entrySet()) {
            assertTrue(Files.isRegularFile(f.getKey()), f.getKey() + " survives");
            assertArrayEquals(f.getValue(), Files.readAllBytes(f.getKey()), f.getKey() + " is unchanged");
        }
    }

    @Test
    void aBuildAndVerifyOfTheSameSiteKeepTheirEntriesSideBySide() throws IOException {
        Path out = dir.resolve("both/site");
        Path cache = dir.resolve("both/cache");
        build(site.content, out, cache, site.templates);
        VerificationResult first = verify(site.content, out, cache);
        assertTrue(first.clean(), first.findings().toString());
        int entries = files(cache).size();
        assertEquals(2 * pages(out), entries, "a build's entries and verify's, one per page each");

        build(site.content, out, cache, site.templates);
        assertEquals(entries, files(cache).size(), "the build leaves verify's entries");
        VerificationResult again = verify(site.content, out, cache);
        assertEquals(pages(out), again.timings().cachedPages(), "verify finds all of its own entries again");
        assertEquals(entries, files(cache).size(), "verify leaves the build's entries");
    }

    @Test
    void aFailedBuildPrunesNothing() throws IOException {
        Path content = content("failed-content");
        Path out = dir.resolve("failed/site");
        Path cache = dir.resolve("failed/cache");
        build(content, out, cache, site.templates);
        List<Path> before = files(cache);
        assertEquals(pages(out), before.size());

        editMatStory(content); // the mat explorer's entry is stale now; a clean build would remove it
        Path templates = Folders.copy(site.templates, dir.resolve("failed/templates"));
        TestSite.edit(templates.resolve("layout.html"), t -> t.replace("<link rel=\"stylesheet\"",
                "<link rel=\"stylesheet\" href=\"https://cdn.example/font.css\"/>\n  <link rel=\"stylesheet\""));
        assertThrows(InputException.class, () -> build(content, out, cache, templates));

        assertTrue(files(cache).containsAll(before), "every entry is still there");
    }
}
