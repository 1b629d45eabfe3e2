package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attoscope.content.SiteConfig;
import org.attoscope.lessons.LessonSection;
import org.attoscope.model.ModelBundle;
import org.attoscope.testing.Axe;
import org.attoscope.testing.SharedChromium;
import org.attoscope.testing.TestModels;
import org.attoscope.testing.TinyProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search page, opened from file:// under the site's own Content-Security-Policy: a word of a story's text or a
 * lesson's prose finds its page, and the result opens it.
 */
class SearchBrowserTest {
    @TempDir
    static Path dir;
    static TinyProject project;
    @RegisterExtension
    static final SharedChromium chromium = new SharedChromium();
    Page page;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void build() {
        project = new TinyProject(dir);
        project.story("pond", "By the water", "A frog sat by the pond. The frog was green.");
        project.lesson("03-heads", "Many heads", "Why one head is not enough.",
                "## Reading differently\n\nEvery head reads the window differently, and the café agrees.\n");
        ModelBundle bundle = ModelBundle.load(project.model);
        new SiteBuild(new SiteBuild.Folders(project.content, project.templates, project.site), SiteConfig.load(project.content), bundle,
                PageFigures.NONE, SiteVerifier.NONE, w -> { }, 2, List.of(new LessonSection(project.content, bundle))).run();
    }

    @BeforeEach
    void open() {
        page = chromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                problems.add(m.text());
            }
        });
        page.onPageError(problems::add);
    }

    @AfterEach
    void noErrors() {
        page.close();
        assertEquals(List.of(), problems, "no script error and nothing the policy blocked");
    }

    private void search(String query) {
        page.navigate(project.site.resolve(Addresses.SEARCH).toUri().toString());
        page.fill("#q", query);
    }

    private List<String> results() {
        return page.locator("#search-results li").allInnerTexts().stream().map(t -> t.replaceAll("\\s+", " ").strip()).toList();
    }

    @Test
    void aWordOfAStorysTextFindsItsExplorerAndTheResultOpensIt() {
        search("frog");
        assertEquals(List.of("By the water Story A frog sat by the pond. The frog was green."), results());
        assertEquals("1 match for \u201cfrog\u201d.", page.textContent("#search-status"));
        page.click("#search-results a");
        page.waitForURL("**/explore/pond/index.html");
        assertEquals("file", page.evaluate("() => location.protocol.replace(':', '')"));
        assertTrue(page.textContent("h1").contains("By the water"), page.textContent("h1"));
    }

    @Test
    void aWordOfALessonsProseFindsTheLessonByItsStartAndWithoutItsAccent() {
        search("DIFFER cafe");
        assertEquals(List.of("Many heads Lesson Why one head is not enough."), results());
        page.click("#search-results a");
        page.waitForURL("**/lessons/03-heads/index.html");
        assertTrue(page.textContent("h1").contains("Many heads"), page.textContent("h1"));
    }

    @Test
    void titlesRankFirstAndAQueryInTheAddressIsRunAtOnce() {
        page.navigate(project.site.resolve(Addresses.SEARCH).toUri() + "?q=cat");
        assertEquals("cat", page.inputValue("#q"));
        assertEquals(List.of("The cat", "The mat"), page.locator("#search-results a").allInnerTexts(),
                "the title first, then the mat, whose text names the cat; not the first lesson, whose only cat is its link's target file");
    }

    @Test
    void aWordNoPageHasSaysSo() {
        search("xylophone");
        assertEquals(List.of(), results());
        assertEquals("Nothing matches \u201cxylophone\u201d.", page.textContent("#search-status"));
    }

    /** axe-core finds nothing on the search page with results shown, light and dark, desktop and phone; screenshots of each. */
    @Test
    void axeFindsNoViolationOnTheSearchPage() throws Exception {
        String script = Axe.script();
        page.close();
        // axe is a script the build never wrote: only this page lets it past the policy
        page = chromium.browser().newPage(new Browser.NewPageOptions().setBypassCSP(true));
        page.onPageError(problems::add);
        Path shots = Files.createDirectories(TestModels.repoRoot().resolve("generator/target/screenshots"));
        List<String> found = new ArrayList<>();
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            for (int width : new int[] {1280, 390}) {
                page.setViewportSize(width, 900);
                page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
                page.navigate(project.site.resolve(Addresses.SEARCH).toUri() + "?q=the");
                page.addScriptTag(new Page.AddScriptTagOptions().setContent(script));
                Object v = page.evaluate("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
                        + ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
                ((List<?>) v).forEach(o -> found.add(scheme + " " + width + "px: " + o));
                page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("search-" + scheme.name().toLowerCase() + "-" + width + ".png")));
            }
        }
        assertEquals(List.of(), found);
    }
}
