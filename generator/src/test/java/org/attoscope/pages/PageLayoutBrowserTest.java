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
 * Every kind of page at a desktop's width (1280 px) and a phone's (390 px), opened from the file system in Debian's
 * chromium: nothing scrolls sideways, nothing is squeezed or crowded, and axe-core finds nothing, light or dark.
 */
class PageLayoutBrowserTest {
    static final List<String> PAGES = List.of("index.html", "explore/index.html", "explore/cat/index.html", "lessons/index.html",
            "lessons/02-attention/index.html", "how-it-works/index.html", "search/index.html", "verification/index.html", "404.html",
            "playground/index.html");
    static final int[] WIDTHS = {1280, 390};

    @TempDir
    static Path dir;
    static TinyProject project;
    @RegisterExtension
    static final SharedChromium chromium = new SharedChromium();
    Page page;

    @BeforeAll
    static void build() {
        project = new TinyProject(dir);
        assertEquals(0, project.build(), project.err.toString());
    }

    @BeforeEach
    void open() {
        // axe is a script the build never wrote, so the pages' Content-Security-Policy rightly blocks it: this page
        // alone is told to let it in.
        page = chromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(1280, 900).setBypassCSP(true));
    }

    @AfterEach
    void close() {
        page.close();
    }

    private void show(String path, int width) {
        page.setViewportSize(width, width < 500 ? 844 : 900);
        page.navigate("about:blank");
        page.navigate(project.site.resolve(path).toUri().toString());
        page.waitForLoadState();
    }

    @Test
    void atEitherWidthAndInEitherSchemeNoPageScrollsSidewaysAndAxeFindsNothing() throws Exception {
        String axe = Axe.script();
        List<String> found = new ArrayList<>();
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            for (int width : WIDTHS) {
                for (String path : PAGES) {
                    found.addAll(findings(path, width, scheme, axe));
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /** Sideways scrolling and axe's violations on one page, each named; a full-page screenshot to look at. */
    private List<String> findings(String path, int width, ColorScheme scheme, String axe) throws java.io.IOException {
        List<String> found = new ArrayList<>();
        String where = scheme + " " + width + "px " + path + ": ";
        show(path, width);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (((Number) overflow).intValue() != 0) {
            found.add(where + "scrolls sideways by " + overflow + " px");
        }
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
        Object v = page.evaluate("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
                + ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
        for (Object o : (List<?>) v) {
            found.add(where + o);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots().resolve("layout-" + scheme.name().toLowerCase() + "-" + width + "-"
                + path.replace("/index.html", "").replace(".html", "").replace('/', '-') + ".png")).setFullPage(true));
        return found;
    }

    /**
     * The phone layout's narrower side margins once replaced all of a block's padding, so the home page's title and
     * the 404 page's sat on the masthead and each section's heading on the one before.
     */
    @Test
    void atPhoneWidthHeadingsKeepTheirSpaceBelowTheMastheadAndTheBlockBefore() {
        for (String path : List.of("index.html", "404.html")) {
            show(path, 390);
            Number gap = (Number) page.evaluate("() => document.querySelector('main .eyebrow, main h1').getBoundingClientRect().top"
                    + " - document.querySelector('.masthead').getBoundingClientRect().bottom");
            assertTrue(gap.doubleValue() >= 24, path + ": the first line of the page is " + gap + " px below the masthead");
        }
        show("index.html", 390);
        Number gap = (Number) page.evaluate("() => document.querySelector('.section-title').getBoundingClientRect().top"
                + " - document.querySelector('.stats').getBoundingClientRect().bottom");
        assertTrue(gap.doubleValue() >= 24, "\"Stories to explore\" is " + gap + " px below the facts");
    }

    /**
     * A row of facts that does not fill the grid ends in the card's colour, not the grey of the lines between facts;
     * on a phone the last of five spans its row.
     */
    @Test
    void aRowOfFactsThatDoesNotFillTheGridEndsInTheCardsColour() {
        for (int width : WIDTHS) {
            show("index.html", width);
            assertEquals(page.evaluate("() => getComputedStyle(document.querySelector('.stats > div')).backgroundColor"),
                    page.evaluate("() => getComputedStyle(document.querySelector('.stats')).backgroundColor"), width + "px");
        }
        // on a phone, two columns: the fifth fact takes the whole last row instead of leaving a box empty beside it
        show("index.html", 390);
        assertEquals(page.evaluate("() => document.querySelector('.stats').clientWidth"),
                page.evaluate("() => document.querySelector('.stats > div:last-child').offsetWidth"));
    }

    /**
     * The verification report's tables squeezed their columns until a header read a letter or two a line ("Ten / sor /
     * s"): no word of a table (a hash or a path in code excepted) is broken across lines.
     */
    @Test
    void atEitherWidthNoWordOfTheReportsTablesIsBrokenAcrossLines() {
        for (int width : WIDTHS) {
            show("verification/index.html", width);
            List<?> broken = (List<?>) page.evaluate("""
                    () => {
                      const out = [];
                      const range = document.createRange();
                      const walker = document.createTreeWalker(document.querySelector('.report'), NodeFilter.SHOW_TEXT);
                      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                        if (!n.parentElement.closest('th, td') || n.parentElement.closest('code')) { continue; }
                        for (const m of n.data.matchAll(/[^\\s\\u002d\\u2010-\\u2014]+/g)) { // a break after a hyphen or dash is no broken word
                          range.setStart(n, m.index);
                          range.setEnd(n, m.index + m[0].length);
                          const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                          if (lines.size > 1) { out.push(m[0]); }
                        }
                      }
                      return out;
                    }""");
            assertEquals(List.of(), broken, width + "px: words broken across lines");
        }
    }

    private static Path screenshots() throws java.io.IOException {
        return Files.createDirectories(TestModels.repoRoot().resolve("generator/target/screenshots"));
    }
}
