package org.attoscope.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lookup in the verification cache while a build is still writing the site: an entry that differs from the site
 * only by files not there yet (a script the page loads, the explorer of a story it asks for) is not taken, but says it
 * awaits them, so the build checks that page once every file is in and takes it from the cache then. Checking it at
 * once would read the site half-written, and an outcome kept from such a check names files another run finds changed.
 */
class VerifiedPagesLookupTest {
    private static final String PAGE = "playground/index.html";
    private static final String SCRIPT = "playground/weights.js";
    private static final String SCRIPT_INPUT = "6b07fb3ef176006b3b007b4b0ab530e29fd25f88cd7202e6b5fa5130717d6b3b shipped";

    @TempDir
    Path dir;
    Path content;
    Path site;
    /** What the page's check finds at each file it loads now; a file not listed is not there. */
    final Map<String, String> filesNow = new HashMap<>();
    VerifiedPages cache;
    String key;

    @BeforeEach
    void aCleanOutcomeKeptWithTheScriptItLoadedAndTheStoryItAskedFor() throws IOException {
        content = Files.createDirectories(dir.resolve("content/stories")).getParent();
        Files.writeString(content.resolve("site.json"), "{}");
        Files.writeString(content.resolve("stories/cat.md"), "The cat sat.\n");
        site = Files.createDirectories(dir.resolve("site"));
        writeExplorer("<!doctype html><title>Cat</title>");
        filesNow.put(SCRIPT, SCRIPT_INPUT);
        cache = open();
        key = cache.key(PAGE, "<!doctype html><title>Playground</title>".getBytes());

        PageInputs reads = new PageInputs();
        reads.file(SCRIPT, SCRIPT_INPUT);
        reads.stories().add("cat");
        cache.keep(key, clean(), reads);
    }

    private VerifiedPages open() {
        return VerifiedPages.open(new VerifiedPages.Location(dir.resolve("cache"), site), content, dir.resolve("model"),
                BuiltSite.open(site, "site"), true, path -> filesNow.getOrDefault(path, ScriptAllowList.ABSENT));
    }

    private void writeExplorer(String html) throws IOException {
        Files.createDirectories(site.resolve("explore/cat"));
        Files.writeString(site.resolve("explore/cat/index.html"), html);
    }

    private static PageOutcome clean() {
        return new PageOutcome(PAGE, "Playground", List.of(), null, Map.of(), List.of(), Set.of(), List.of());
    }

    @Test
    void withEveryFileAsItWasTheEntryIsTaken() {
        VerifiedPages.Lookup found = open().find(key, PAGE);
        assertEquals(clean(), found.outcome());
        assertFalse(found.awaitsWrites());
    }

    @Test
    void aScriptThePageLoadsThatIsNotWrittenYetIsAwaited() {
        filesNow.remove(SCRIPT);
        VerifiedPages.Lookup found = open().find(key, PAGE);
        assertNull(found.outcome());
        assertTrue(found.awaitsWrites());

        filesNow.put(SCRIPT, SCRIPT_INPUT);
        assertEquals(clean(), open().find(key, PAGE).outcome(), "written as recorded, the entry is taken");
    }

    @Test
    void theExplorerOfAStoryThePageAskedForThatIsNotWrittenYetIsAwaited() throws IOException {
        Files.delete(site.resolve("explore/cat/index.html"));
        VerifiedPages.Lookup found = open().find(key, PAGE);
        assertNull(found.outcome());
        assertTrue(found.awaitsWrites());
    }

    @Test
    void aFileWithOtherBytesIsAMissThatAwaitsNothingEvenWhenAnotherIsAbsent() throws IOException {
        filesNow.put(SCRIPT, "0000000000000000000000000000000000000000000000000000000000000000 shipped");
        Files.delete(site.resolve("explore/cat/index.html"));
        assertEquals(VerifiedPages.Lookup.MISS, open().find(key, PAGE));

        filesNow.put(SCRIPT, SCRIPT_INPUT);
        writeExplorer("<!doctype html><title>Another cat</title>");
        assertEquals(VerifiedPages.Lookup.MISS, open().find(key, PAGE), "an explorer with other bytes");

        writeExplorer("<!doctype html><title>Cat</title>");
        Files.writeString(content.resolve("stories/cat.md"), "The cat ran.\n");
        assertEquals(VerifiedPages.Lookup.MISS, open().find(key, PAGE), "an edited story");
    }

    @Test
    void aPageWithOtherBytesHasAnotherKeyAndNoEntry() {
        filesNow.remove(SCRIPT);
        String other = cache.key(PAGE, "<!doctype html><title>Playground!</title>".getBytes());
        assertEquals(VerifiedPages.Lookup.MISS, open().find(other, PAGE));
    }
}
