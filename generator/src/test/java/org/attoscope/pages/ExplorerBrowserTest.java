package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attoscope.testing.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer in a real browser (Debian's chromium through Playwright), opened from the file system: mouse,
 * keyboard and links must each select a point and draw exactly that point's numbers from the embedded data.
 */
class ExplorerBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final String SLUG = "a-star-named-sue";

    /** Everything the reader can see of the selected point, read from the DOM. */
    private static final String STATE = """
            () => {
              const cells = [...document.querySelectorAll('#strip .tok')];
              return {
                hash: location.hash,
                focus: document.querySelector('[data-field=focus]').textContent,
                current: cells.filter(c => c.getAttribute('aria-current') === 'true').map(c => c.dataset.pos),
                focused: document.activeElement && document.activeElement.dataset ? (document.activeElement.dataset.pos || '') : '',
                bars: [0, 1].map(h => cells.map(c => c.querySelector('.bar.h' + h).getAttribute('data-w'))),
                classes: cells.map(c => c.className),
                predictions: [...document.querySelectorAll('[data-field=predictions] .pred')]
                  .map(li => li.querySelector('.pred-tok').textContent + ' ' + li.querySelector('.pred-pct').textContent),
                reads: [...document.querySelectorAll('[data-field=heads] .head-reads')]
                  .map(h => [...h.querySelectorAll('li')].map(li => li.querySelector('.at').textContent + ' ' + li.querySelector('.pct').textContent)),
                next: document.querySelector('[data-field=next]').textContent
              };
            }""";

    @TempDir
    static Path dir;
    static RealSite real;
    static JsonNode story;
    static Playwright playwright;
    static Browser browser;
    Page page;

    @BeforeAll
    static void start() {
        assertTrue(Files.isExecutable(CHROMIUM), "the browser tests need Debian's chromium at " + CHROMIUM
                + ": install it with `apt-get install -y chromium` (.ci/run does)");
        real = new RealSite(dir);
        story = real.embedded(SLUG);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
    }

    private void load(String fragment) {
        page.navigate(real.explorer(SLUG).toUri() + fragment);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> state() {
        return (Map<String, Object>) page.evaluate(STATE);
    }

    /** What the page must show for point {@code i}, derived from the embedded data with the server's number rules. */
    private static void assertShows(int i, Map<String, Object> state) {
        JsonNode tokens = story.path("tokens");
        JsonNode p = story.path("points").get(i);
        assertEquals(String.valueOf(i), state.get("focus"), "panel heading");
        assertEquals(List.of(String.valueOf(i)), state.get("current"), "aria-current");
        assertEquals("#p" + i, state.get("hash"), "address fragment");

        List<List<String>> bars = new ArrayList<>();
        List<List<String>> reads = new ArrayList<>();
        for (int h = 0; h < 2; h++) {
            List<String> row = new ArrayList<>();
            for (int pos = 0; pos < tokens.size(); pos++) {
                row.add("0");
            }
            List<String> read = new ArrayList<>();
            for (JsonNode link : p.path("heads").get(h)) {
                row.set(link.path("source").asInt(), HalfUpNumbers.extent(link.path("weight").asDouble()));
                read.add("#" + link.path("source").asInt() + " " + HalfUpNumbers.percent(link.path("weight").asDouble()));
            }
            bars.add(row);
            reads.add(read);
        }
        assertEquals(bars, state.get("bars"), "bars under the tokens");
        assertEquals(reads, state.get("reads"), "what each head read");

        List<String> predictions = new ArrayList<>();
        for (int k = 0; k < ExplorerPage.SHOWN_PREDICTIONS; k++) {
            JsonNode pr = p.path("predictions").get(k);
            predictions.add(pr.path("token").asText() + " " + HalfUpNumbers.percent(pr.path("prob").asDouble()));
        }
        assertEquals(predictions, state.get("predictions"), "top predictions");

        JsonNode next = p.path("next");
        String nextText = (String) state.get("next");
        if (next.isNull()) {
            assertTrue(nextText.startsWith("End of the story"), nextText);
        } else {
            assertEquals("Actually next " + tokens.get(i + 1).asText() + " rank " + next.path("rank").asInt() + " "
                    + HalfUpNumbers.percent(next.path("prob").asDouble()), nextText);
        }

        int start = p.path("context_start").asInt();
        List<String> classes = new ArrayList<>();
        for (int pos = 0; pos < tokens.size(); pos++) {
            String t = tokens.get(pos).asText();
            String kind = pos == 0 ? "special" : t.length() == 1 && ".,!?".contains(t) ? "mark" : "word";
            String s = pos == i ? " is-focus" : pos > i ? " is-future" : pos < start ? " is-outside" : "";
            classes.add("tok " + kind + s);
        }
        assertEquals(classes, state.get("classes"), "token states");
    }

    @Test
    void clickingArrowKeysHomeAndEndSelectPointsAndDrawExactlyTheirNumbers() {
        load("");
        int last = story.path("points").size() - 1;
        assertEquals(String.valueOf(last), state().get("focus"), "the last point is shown on load");

        page.locator("#strip .tok[data-pos='5']").click();
        assertShows(5, state());
        assertEquals("5", state().get("focused"), "the clicked token has keyboard focus");

        page.keyboard().press("ArrowRight");
        assertShows(6, state());
        page.keyboard().press("ArrowLeft");
        page.keyboard().press("ArrowLeft");
        assertShows(4, state());
        page.keyboard().press("End");
        assertShows(last, state());
        assertEquals(String.valueOf(last), state().get("focused"));
        page.keyboard().press("ArrowLeft");
        assertShows(last - 1, state());
        page.keyboard().press("Home");
        assertShows(0, state());
        page.keyboard().press("ArrowLeft");
        assertShows(0, state());
        assertTrue(page.isVisible(".stepper") && page.isVisible("#strip-hint"), "controls that need the script show once it runs");
        page.click("[data-step='1']");
        assertShows(1, state());
        screenshot("explorer-home-key.png");
    }

    @Test
    void aLinkToAPointOpensThatPointAndFollowsLaterFragmentChanges() {
        load("#p12");
        assertShows(12, state());
        page.evaluate("() => { location.hash = '#p150'; }");
        page.waitForFunction("() => document.querySelector('[data-field=focus]').textContent === '150'");
        Map<String, Object> s = state();
        assertShows(150, s);
        assertTrue(((List<?>) s.get("classes")).get(3).toString().contains("is-outside"), "past the window, early tokens are greyed");
        screenshot("explorer-desktop.png");
    }

    @Test
    void keyboardOnlyReachesTheStripThroughTab() {
        load("#p30");
        for (int i = 0; i < 40 && !"30".equals(state().get("focused")); i++) {
            page.keyboard().press("Tab");
        }
        assertEquals("30", state().get("focused"), "Tab reaches the selected token");
        page.keyboard().press("ArrowRight");
        assertShows(31, state());
        Object outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle");
        assertEquals("solid", outline, "focus is visible");
    }

    @Test
    void atPhoneWidthNothingOverflowsSideways() {
        page.setViewportSize(360, 800);
        load("#p40");
        assertShows(40, state());
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, ((Number) overflow).intValue(), "no horizontal scrolling at 360px");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots().resolve("explorer-phone.png")).setFullPage(true));
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots().resolve(name)));
    }

    private static Path screenshots() {
        return TestModels.repoRoot().resolve("generator/target/screenshots");
    }
}
