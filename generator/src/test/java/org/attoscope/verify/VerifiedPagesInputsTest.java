package org.attoscope.verify;

import static org.attoscope.verify.SharedChecker.HTML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.attoscope.util.Folders;
import org.attoscope.util.Json;
import org.attoscope.util.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a page's cached outcome is keyed by: its own bytes, the scripts and styles it loads and the stories its check
 * asks for, not every file of the site. Editing one story checks again only the pages that change with it or ask for
 * its run, and takes the others from the cache; an edited script or style checks again every page that loads it; a
 * link is resolved afresh on every run, however its page's outcome was found; and an entry that is not whole, is for
 * another page or no longer matches what its page's check reads is never taken.
 */
class VerifiedPagesInputsTest {
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
    private static VerificationResult verify(Path published, Path cache) {
        return site.verifyCached(site.content, published, cache);
    }

    /** The sha256 of each cache entry, by the page whose outcome it holds. */
    private static Map<String, String> entries(Path cache) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(cache)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}\\.json")).toList()) {
                String page = Json.mapper().readTree(f.toFile()).path("outcome").path("path").asText();
                assertEquals(null, out.put(page, f.getFileName() + " " + Sha256.hex(Files.readAllBytes(f))), "two entries for " + page);
            }
        }
        return out;
    }

    /** The pages whose entry a run wrote anew: a clean page checked afresh writes one, a page taken from the cache none. */
    private static Set<String> checkedAfresh(Map<String, String> before, Map<String, String> after) {
        Set<String> out = new TreeSet<>();
        after.forEach((page, entry) -> {
            if (!entry.equals(before.get(page))) {
                out.add(page);
            }
        });
        return out;
    }

    /** The sha256 of each file of a site, by path. */
    private static Map<String, String> files(Path siteDir) {
        BuiltSite built = BuiltSite.open(siteDir, "site");
        Map<String, String> out = new TreeMap<>();
        built.files().forEach(f -> out.put(f, Sha256.hex(built.read(f))));
        return out;
    }

    /** The files whose bytes differ between two states of a site, or that only one of them has. */
    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> out = new TreeSet<>();
        before.forEach((f, sha) -> {
            if (!sha.equals(after.get(f))) {
                out.add(f);
            }
        });
        after.keySet().stream().filter(f -> !before.containsKey(f)).forEach(out::add);
        return out;
    }

    /**
     * The pages of a site whose HTML loads {@code asset} (from the site root): by a relative URL, or on the 404 page
     * by its path under the test site's base URL, {@code https://tiny.example/site/} ({@link HostedNotFound}).
     */
    private static Set<String> pagesLoading(Path siteDir, String asset) {
        BuiltSite built = BuiltSite.open(siteDir, "site");
        Set<String> out = new TreeSet<>();
        for (String page : built.pages()) {
            String html = new String(built.read(page), StandardCharsets.UTF_8);
            String up = "../".repeat((int) page.chars().filter(c -> c == '/').count());
            if (html.contains("=\"" + up + asset + "\"") || page.equals(HostedNotFound.PAGE) && html.contains("=\"/site/" + asset + "\"")) {
                out.add(page);
            }
        }
        return out;
    }

    @Test
    void editingOneStorysTextChecksAgainOnlyThePagesThatChangeWithItAndTakesTheOtherExplorerFromTheCache() throws IOException {
        Path content = site.copyOfContent("one-story-content");
        Path out = dir.resolve("one-story/site");
        Path cache = dir.resolve("one-story/cache");
        build(content, out, cache, site.templates);
        Map<String, String> filesBefore = files(out);
        Map<String, String> entriesBefore = entries(cache);

        // new words and a new opening: the search index changes with the story, as it does for any edit of its text
        TestSite.edit(content.resolve("stories/mat.md"), md -> md.replace("The mat sat?", "The mat ran home?"));
        build(content, out, cache, site.templates);
        Set<String> changed = changed(filesBefore, files(out));
        Set<String> afresh = checkedAfresh(entriesBefore, entries(cache));

        assertTrue(changed.contains("assets/search-index.js"), changed.toString());
        assertTrue(afresh.contains(MAT), "the edited story's explorer is checked again: " + afresh);
        assertFalse(afresh.contains(CAT), "the other story's explorer comes from the cache: " + afresh);
        // exactly the pages whose bytes changed and those loading a script that changed (the search page, which loads
        // the index); no unchanged page asks for mat's run
        Set<String> expected = new TreeSet<>(changed);
        expected.removeIf(f -> !BuiltSite.isPage(f));
        changed.stream().filter(f -> f.endsWith(".js") || f.endsWith(".css")).forEach(f -> expected.addAll(pagesLoading(out, f)));
        assertEquals(Set.of("explore/index.html", MAT, "index.html", "search/index.html"), expected, "what the edit changes");
        assertEquals(expected, afresh);
    }

    @Test
    void editingASharedScriptOrStyleChecksAgainEveryPageThatLoadsItAndNoOther() throws IOException {
        Path content = site.copyOfContent("asset-content");
        Path templates = Folders.copy(site.templates, dir.resolve("asset-templates"));
        Path out = dir.resolve("asset/site");
        Path cache = dir.resolve("asset/cache");
        build(content, out, cache, templates);

        for (String asset : List.of("assets/explorer.js", "assets/site.css")) {
            Map<String, String> filesBefore = files(out);
            Map<String, String> entriesBefore = entries(cache);
            TestSite.edit(templates.resolve(asset), text -> text + "\n/* edited */\n");
            build(content, out, cache, templates);

            Set<String> loading = pagesLoading(out, asset);
            assertFalse(loading.isEmpty(), "some page loads " + asset);
            assertEquals(Set.of(asset, ShippedFiles.MARKER), changed(filesBefore, files(out)), "only " + asset + " and the build's record of it changed");
            assertEquals(loading, checkedAfresh(entriesBefore, entries(cache)), "the pages loading " + asset + " are checked again");
        }
        assertEquals(BuiltSite.open(out, "site").pages(), List.copyOf(pagesLoading(out, "assets/site.css")), "every page loads site.css");
    }

    @Test
    void aScriptChangedAfterThePublishedBuildFailsEveryPageLoadingItThoughItsEntryWasClean() throws IOException {
        Path published = site.copyOfSite("published-script");
        Path cache = dir.resolve("published-script-cache");
        assertTrue(verify(published, cache).clean());

        TestSite.edit(published.resolve("assets/explorer.js"), js -> js + "\n// appended after the build\n");
        VerificationResult again = verify(published, cache);
        List<String> findings = TestSite.lines(again.findings());
        Set<String> loading = pagesLoading(published, "assets/explorer.js");
        for (String page : loading) {
            assertTrue(findings.stream().anyMatch(f -> f.startsWith("site/" + page + ": ") && f.contains("assets/explorer.js is not byte for byte")),
                    page + " is checked again and fails: " + findings);
        }
        assertEquals(BuiltSite.open(published, "site").pages().size() - loading.size(), again.timings().cachedPages(),
                "every page not loading the script comes from the cache");
    }

    @Test
    void removingAnAnchorThatACachedPageLinksToIsFoundBecauseLinksAreResolvedAfreshEveryRun() throws IOException {
        Path published = site.copyOfSite("anchor");
        Path cache = dir.resolve("anchor-cache");
        // the cat-and-dog explorer links to the mat explorer's token strip (one link more than the published report
        // counts, its only finding: every page is clean, so every page's outcome is kept)
        TestSite.edit(published.resolve(CAT), html -> html.replaceFirst("</main>", "<p><a href=\"../mat/index.html#strip\">The mat's tokens</a></p></main>"));
        VerificationResult first = verify(published, cache);
        assertTrue(first.findings().stream().allMatch(f -> f.file().startsWith("site/verification/")), first.findings().toString());
        assertTrue(TestSite.lines(first.findings()).stream().noneMatch(f -> f.contains("#strip") || f.contains("\"strip\"")));

        TestSite.edit(published.resolve(MAT), html -> html.replace(" id=\"strip\"", ""));
        Map<String, String> entriesBefore = entries(cache);
        VerificationResult again = verify(published, cache);
        Set<String> afresh = checkedAfresh(entriesBefore, entries(cache));

        assertFalse(afresh.contains(CAT), "the linking page's own check, which reads no other page, comes from the cache: " + afresh);
        List<String> findings = TestSite.lines(again.findings());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("site/" + CAT) && f.contains("no element of site/" + MAT + " has id \"strip\"")),
                "the link to the removed anchor is found: " + findings);
    }

    @Test
    void anEntryThatIsNotWholeIsForAnotherPageHoldsAFindingOrNoLongerMatchesWhatItsPageLoadsIsNeverTaken() throws IOException {
        Path published = site.copyOfSite("tampered");
        Path cache = dir.resolve("tampered-cache");
        assertTrue(verify(published, cache).clean());
        Map<String, Path> entry = new TreeMap<>();
        for (Map.Entry<String, String> e : entries(cache).entrySet()) {
            entry.put(e.getKey(), cache.resolve(e.getValue().substring(0, e.getValue().indexOf(' '))));
        }
        List<String> others = entry.keySet().stream().filter(p -> !p.equals(MAT) && !p.equals(CAT)).limit(3).toList();

        tamper(entry.get(CAT), e -> e.remove("files"));
        tamper(entry.get(MAT), e -> {
            assertTrue(e.get("files").has("assets/explorer.js"), "the explorer's entry records the script it loads");
            ((ObjectNode) e.get("files")).put("assets/explorer.js", "0".repeat(64) + " shipped");
        });
        tamper(entry.get(others.get(0)), e -> ((ObjectNode) e.get("outcome")).put("path", CAT));
        tamper(entry.get(others.get(1)), e -> ((ArrayNode) e.get("outcome").get("findings"))
                .addObject().put("file", "site/" + others.get(1)).put("figure", "").put("cell", "").put("problem", "kept with a finding"));
        byte[] whole = Files.readAllBytes(entry.get(others.get(2)));
        Files.write(entry.get(others.get(2)), Arrays.copyOf(whole, whole.length / 2));
        VerificationResult again = verify(published, cache);

        assertTrue(again.clean(), again.findings().toString());
        List<String> tampered = new ArrayList<>(List.of(CAT, MAT));
        tampered.addAll(others);
        assertEquals(BuiltSite.open(published, "site").pages().size() - tampered.size(), again.timings().cachedPages(),
                "the tampered entries' pages are checked afresh, every other page comes from the cache");
        for (String page : tampered) {
            JsonNode written = Json.mapper().readTree(entry.get(page).toFile());
            assertTrue(written.path("files").isObject(), page + "'s entry is written again, whole");
            assertEquals(page, written.path("outcome").path("path").asText());
            assertEquals(0, written.path("outcome").path("findings").size());
        }
    }

    private static void tamper(Path entry, Consumer<ObjectNode> change) throws IOException {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(entry.toFile());
        change.accept(json);
        Files.write(entry, Json.mapper().writeValueAsBytes(json));
    }
}
