package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.testing.SharedChromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The explorer's why view in a real browser: it follows the selected point and shows the embedded what-ifs. */
class WhyBrowserTest {
    static final String SLUG = "lily-and-the-ball";

    @TempDir
    static Path dir;
    static RealSite real;
    static JsonNode story;
    @RegisterExtension
    static final SharedChromium chromium = new SharedChromium();

    @BeforeAll
    static void start() {
        real = new RealSite(dir);
        story = real.embedded(SLUG);
    }

    @Test
    void theWhyViewFollowsThePointAndShowsDifferencesDropsAndAblationsFromTheEmbeddedData() {
        Page page = chromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(390, 900));
        page.navigate(real.explorer(SLUG).toUri().toString());
        page.click("#p8");
        JsonNode e = story.path("points").get(8).path("explain");
        JsonNode top = e.path("targets").get(0);
        String title = page.textContent("#why .why-target h3");
        assertEquals("Top prediction \u201c" + top.path("token").asText() + "\u201d: logit "
                + HalfUpNumbers.fixed(top.path("logit").asDouble(), 3), title);
        assertEquals(WhyView.signed(top.path("parts").path("mlp").asDouble()),
                page.textContent("#why tr.why-mlp .why-num"));

        JsonNode second = e.path("targets").get(1);
        page.selectOption("#why [data-why=other]", "1");
        assertEquals(WhyView.signed(top.path("parts").path("mlp").asDouble() - second.path("parts").path("mlp").asDouble()),
                page.textContent("#why tr.why-mlp .why-num"), "rather than: the difference of the two targets' parts");
        page.selectOption("#why [data-why=other]", "");

        page.focus("#why [data-drop='0,0']");
        page.keyboard().press("Enter");
        double dropped = e.path("link_drops").get(0).get(0).path("target_probs").get(0).asDouble();
        String drop = page.textContent("#why [data-why=drop]");
        assertTrue(drop.contains(top.path("token").asText() + " ") && drop.contains("\u2192 " + HalfUpNumbers.percent(dropped)), drop);

        page.check("#why input[value=head0_off]");
        String chosen = page.textContent("#why .why-ablations li.is-chosen");
        JsonNode off = e.path("ablations").path("head0_off");
        assertTrue(chosen.startsWith("Head 0 off: " + off.path("predictions").get(0).path("token").asText() + " "
                + HalfUpNumbers.percent(off.path("predictions").get(0).path("prob").asDouble())), chosen);
        page.close();
    }

    /**
     * The explorer's script owns the point's address (#pN); the why view asks it which point is selected. Opened at
     * a point, or moved to another by the address, the view shows that point, whichever of the two scripts runs first.
     */
    @Test
    void aLinkToAPointOpensTheWhyViewThereWhicheverScriptRunsFirst() throws IOException {
        Path page = real.explorer(SLUG);
        String html = Files.readString(page);
        String explorer = "<script src=\"../../assets/explorer.js\"></script>";
        String why = "<script src=\"../../assets/why.js\"></script>";
        assertTrue(html.contains(explorer + "\n" + why), "the page runs the explorer, then the why view");
        Path whyFirst = page.resolveSibling("why-first.html");
        Files.writeString(whyFirst, html.replace(explorer + "\n" + why, why + "\n" + explorer));
        Page browser = chromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        for (Path file : new Path[] {page, whyFirst}) {
            browser.navigate(file.toUri() + "#p40");
            assertEquals(topPrediction(40), browser.textContent("#why .why-target h3"), file.getFileName().toString());
            browser.evaluate("() => { location.hash = '#p12'; }");
            browser.waitForFunction("() => document.querySelector('[data-field=focus]').textContent === '12'");
            assertEquals(topPrediction(12), browser.textContent("#why .why-target h3"), file.getFileName().toString());
        }
        browser.close();
    }

    private static String topPrediction(int point) {
        JsonNode top = story.path("points").get(point).path("explain").path("targets").get(0);
        return "Top prediction \u201c" + top.path("token").asText() + "\u201d: logit " + HalfUpNumbers.fixed(top.path("logit").asDouble(), 3);
    }
}
