package org.attoscope.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.attoscope.content.SiteConfig;
import org.attoscope.lessons.LessonSection;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.LiveSite;
import org.attoscope.pages.ModelPageFigures;
import org.attoscope.pages.SiteBuild;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.serve.ServeSession;
import org.attoscope.testing.SharedChromium;
import org.attoscope.testing.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Save as story" as a writer uses it: {@code attoscope serve} on a copy of the repository's content/, the
 * playground opened over http from it in a real browser, a text typed and saved with a title and slug. The story
 * lands in content/stories/ with its front matter, an existing slug is refused with a sentence that says why, and
 * the watcher's rebuild publishes the new story's explorer.
 */
class PlaygroundSaveAsStoryBrowserTest {
    /** The play lane's port (TEAM.md), so parallel sessions on this machine never meet. */
    static final int PORT = 8114;
    static final String TEXT = "The little cat looked at the moon. She wanted to jump up and touch it!";

    @TempDir
    static Path dir;
    static Path content;
    static Path site;
    static ServeSession session;
    @RegisterExtension
    static final SharedChromium chromium = new SharedChromium();
    static final StringWriter log = new StringWriter();

    @BeforeAll
    static void serve() throws IOException {
        content = copyOfTheRepositoryContent(dir.resolve("content"));
        site = dir.resolve("site");
        ModelBundle bundle = TestModels.realBundle();
        LiveSite live = new LiveSite(new SiteBuild.Folders(content, TestModels.repoRoot().resolve("templates"), site), SiteConfig.load(content),
                bundle, new ModelPageFigures(), SiteVerifier.NONE, w -> { }, 2,
                c -> List.of(new LessonSection(c, bundle), new PlaygroundSection(bundle)));
        session = new ServeSession(live, List.of(content), new PrintWriter(log, true), new PrintWriter(log, true));
        session.start(PORT);
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aTypedTextIsSavedAsAStoryNeverOverAnExistingOneAndItsExplorerAppearsOnTheRebuild() throws Exception {
        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        List<String> elsewhere = new ArrayList<>();
        context.onRequest(r -> {
            if (!r.url().startsWith("http://127.0.0.1:" + PORT + "/")) {
                elsewhere.add(r.url());
            }
        });
        Page page = context.newPage();
        page.navigate("http://127.0.0.1:" + PORT + "/playground/index.html");
        page.waitForFunction("() => document.getElementById('attoscope-live-points').textContent.length > 0");
        assertTrue(page.isVisible("#pg-save"), "under serve the page offers to save");

        // Typed, not run: the box is what is saved.
        page.fill("#pg-text", TEXT);
        String build = liveBuild(page);

        page.click("#pg-save summary");
        page.fill("#pg-save-title", "The Cat and the Moon");
        assertEquals("the-cat-and-the-moon", page.inputValue("#pg-save-slug"), "the slug is made from the title");
        page.click("#pg-save-form button[type=submit]");
        page.waitForFunction("() => document.getElementById('pg-save-result').textContent.startsWith('Saved')");
        assertEquals("Saved as content/stories/the-cat-and-the-moon.md; its explorer appears with the next rebuild"
                + " (explore/the-cat-and-the-moon/index.html).", page.textContent("#pg-save-result"));

        Path story = content.resolve("stories/the-cat-and-the-moon.md");
        assertEquals("---\ntitle: \"The Cat and the Moon\"\n---\n" + TEXT + "\n", Files.readString(story));

        // The watcher rebuilds; the open page hears it and reloads itself, keeping its text in the address.
        page.waitForFunction("b => { const s = document.querySelector('script[src=\"/__attoscope/live.js\"]');"
                + " return s !== null && s.dataset.build !== b; }", build, new Page.WaitForFunctionOptions().setTimeout(60_000));
        Path explorer = site.resolve("explore/the-cat-and-the-moon/index.html");
        assertTrue(Files.isRegularFile(explorer), "the rebuild wrote the new explorer; serve said:\n" + log);
        page.waitForFunction("t => { const o = document.getElementById('attoscope-live-points').textContent;"
                + " return o.length > 0 && JSON.parse(o).text === t; }", TEXT);

        assertTrue(page.textContent("#pg-save-result").startsWith("Saved as content/stories/the-cat-and-the-moon.md"),
                "the answer outlives the reload: " + page.textContent("#pg-save-result"));
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots().resolve("playground-saved.png")));
        page.click("#pg-save-explorer");
        page.waitForURL("http://127.0.0.1:" + PORT + "/explore/the-cat-and-the-moon/index.html");
        assertEquals("The Cat and the Moon", page.textContent("h1").strip());
        assertTrue(page.textContent("#attoscope-points").contains("\"text\":\"" + TEXT + "\""),
                "the explorer's points are the saved text's");
        page.navigate("http://127.0.0.1:" + PORT + "/playground/index.html");
        page.waitForFunction("() => document.getElementById('attoscope-live-points').textContent.length > 0");
        assertEquals("", page.textContent("#pg-save-result"), "the answer is shown once");
        assertFalse(page.isVisible("#pg-save-title"), "and the form is closed again");

        page.fill("#pg-text", "A different text about a dog.");
        page.click("#pg-tokenize");
        page.click("#pg-save summary");
        page.fill("#pg-save-title", "The Cat and the Moon");
        page.click("#pg-save-form button[type=submit]");
        page.waitForFunction("() => document.getElementById('pg-save-result').textContent.startsWith('There is')");
        assertEquals("There is already a story content/stories/the-cat-and-the-moon.md; choose another slug.",
                page.textContent("#pg-save-result"));
        assertEquals("---\ntitle: \"The Cat and the Moon\"\n---\n" + TEXT + "\n", Files.readString(story), "the first story is untouched");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots().resolve("playground-save-refused.png")));

        assertFalse(Files.exists(content.resolve("stories/the-cat-and-the-moon-1.md")));
        assertEquals(List.of(), elsewhere, "no request leaves the server's own origin");
        context.close();
    }

    private static String liveBuild(Page page) {
        return (String) page.evaluate("() => document.querySelector('script[src=\"/__attoscope/live.js\"]').dataset.build");
    }

    /** content/ as the repository has it, with the model path made absolute so it resolves from the temporary copy. */
    private static Path copyOfTheRepositoryContent(Path to) throws IOException {
        Path from = TestModels.repoRoot().resolve("content");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        String config = Files.readString(to.resolve("site.json"));
        Files.writeString(to.resolve("site.json"), config.replace("\"../../shared/attogpt\"",
                "\"" + TestModels.realBundleDir().toAbsolutePath().toString().replace("\\", "\\\\") + "\""));
        return to;
    }

    private static Path screenshots() {
        try {
            return Files.createDirectories(TestModels.repoRoot().resolve("generator/target/screenshots"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
