package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attoscope.lessons.LessonSection;
import org.attoscope.testing.Axe;
import org.attoscope.testing.SharedChromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The explorer's "Cited in lessons" in Debian's chromium: its links move between the explorer and the lessons, and axe finds nothing in it. */
class CitedInLessonsBrowserTest {
    @TempDir
    static Path dir;
    static Path out;
    @RegisterExtension
    static final SharedChromium chromium = new SharedChromium();

    @BeforeAll
    static void build() {
        TinySite site = new TinySite(dir).lesson("01-reading", "Reading a point",
                "```explorer story=cat-and-dog point=3\n```\n\n```explorer story=cat-and-dog point=5\n```\n");
        out = dir.resolve("site");
        site.build(out, List.of(new LessonSection(site.content, site.bundle)));
    }

    private static String explorer() {
        return out.resolve("explore/cat-and-dog/index.html").toUri().toString();
    }

    @Test
    void aCitedPointSelectsThatPointAndTheLessonLinkOpensTheLessonAtItsFigure() {
        Page page = chromium.browser().newPage();
        page.navigate(explorer());
        page.locator("#cited-in .cited-points a", new Page.LocatorOptions().setHasText("5")).click();
        assertEquals("5", page.locator("#panel [data-field='focus']").textContent(), "the panel shows the cited point");
        page.locator("#cited-in a.cited-lesson").click();
        page.waitForLoadState();
        assertTrue(page.url().endsWith("lessons/01-reading/index.html#figure-1"), page.url());
        assertEquals("cat-and-dog", page.locator("#figure-1").getAttribute("data-story"));
        page.close();
    }

    @Test
    void axeFindsNoViolationInTheListInLightOrDarkAtDesktopOrPhoneWidth() throws IOException {
        String script = Axe.script();
        List<String> found = new ArrayList<>();
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            for (int width : new int[] {1280, 390}) {
                // axe is a script the build never wrote: only this page lets it in past the policy
                Page page = chromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(width, 900).setBypassCSP(true)
                        .setColorScheme(scheme));
                page.navigate(explorer());
                page.addScriptTag(new Page.AddScriptTagOptions().setContent(script));
                Object v = page.evaluate("async () => (await axe.run('#cited-in', { resultTypes: ['violations'] })).violations"
                        + ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
                ((List<?>) v).forEach(o -> found.add(scheme + " " + width + "px: " + o));
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertEquals(0, ((Number) overflow).intValue(), "no sideways scrolling at " + width + " px");
                page.close();
            }
        }
        assertEquals(List.of(), found);
    }
}
