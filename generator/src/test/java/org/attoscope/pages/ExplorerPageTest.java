package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attoscope.content.Story;
import org.attoscope.model.ModelBundle;
import org.attoscope.testing.TestModels;
import org.attoscope.trace.AttentionLink;
import org.attoscope.trace.Prediction;
import org.attoscope.trace.PredictionPoint;
import org.attoscope.trace.PromptTrace;
import org.attoscope.trace.Tracer;
import org.attoscope.util.Json;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Explorer pages built from real stories with the real model. */
class ExplorerPageTest {
    @TempDir
    static Path dir;
    static RealSite real;

    @BeforeAll
    static void build() {
        real = new RealSite(dir);
    }

    private static PromptTrace engineTrace(String slug) {
        Story story = Story.read(real.content.resolve("stories/" + slug + ".md"));
        try (Tracer tracer = new Tracer(TestModels.realEngine(), SiteBuild.TOP_N, 1, true)) {
            return tracer.trace(new Tracer.Prompt(slug, story.text()));
        }
    }

    /** Every number the page carries is only displayed: the engine's, to 6 significant digits. */
    @Test
    void theEmbeddedPointsAreTheEnginesOutputForTheStoryToSixSignificantDigits() {
        for (String slug : RealSite.STORIES) {
            JsonNode expected = Json.mapper().valueToTree(DisplayedNumbers.of(engineTrace(slug)));
            assertEquals(expected, real.embedded(slug), slug);
        }
    }

    @Test
    void withoutAScriptThePageShowsItsOpeningPointCompletelyAndNoFakeControls() {
        String slug = "lily-and-the-ball";
        PromptTrace trace = engineTrace(slug);
        PredictionPoint first = trace.points().get(OpeningPoint.of(trace));
        assertTrue(first.next() != null && first.next().rank() == 1, "it opens where the model got the next token right");
        Document doc = real.page("explore/" + slug + "/index.html");

        Elements cells = doc.select("#strip .tok");
        assertEquals(trace.tokens().size(), cells.size());
        assertEquals(List.of(), doc.select("#strip a, #strip [tabindex], #strip [role]").eachAttr("data-pos"),
                "without the script tokens are text, not links or options that do nothing");
        assertEquals(List.of(String.valueOf(first.focus())), doc.select("#strip .tok.is-focus").eachAttr("data-pos"));
        assertEquals(String.valueOf(first.focus()), doc.selectFirst("#explorer").attr("data-initial"));

        List<String> predicted = first.predictions().subList(0, ExplorerPage.SHOWN_PREDICTIONS).stream()
                .map(p -> p.token() + " " + HalfUpNumbers.percent(p.prob())).toList();
        assertEquals(predicted, doc.select("[data-field=predictions] .pred").stream()
                .map(li -> li.selectFirst(".pred-tok").text() + " " + li.selectFirst(".pred-pct").text()).toList());
        for (int h = 0; h < first.heads().size(); h++) {
            assertEquals(first.heads().get(h).stream().map(l -> "#" + l.source() + " " + HalfUpNumbers.percent(l.weight())).toList(),
                    doc.select("[data-field=heads] .head-reads.h" + h + " li").stream()
                            .map(li -> li.selectFirst(".at").text() + " " + li.selectFirst(".pct").text()).toList());
        }
        assertEquals(String.valueOf(first.focus()), doc.selectFirst("[data-field=focus]").text());
        assertTrue(doc.selectFirst("[data-field=next]").text().startsWith("Actually next"));
        assertEquals(1, doc.select("template#panel-parts .pred").size(), "the parts the script clones, once");
        assertEquals(List.of(), doc.select("#explorer [style], #figures [style], template [style]").eachAttr("style"),
                "no inline style attributes in the explorer and its figures (CSP)");
    }

    @Test
    void pastTheWindowTheEarlyTokensAreGreyedOut() {
        JsonNode story = real.embedded("a-star-named-sue");
        JsonNode opening = story.path("points").get(Integer.parseInt(
                real.page("explore/a-star-named-sue/index.html").selectFirst("#explorer").attr("data-initial")));
        int start = opening.path("context_start").asInt();
        assertTrue(start > 0, "the story is longer than the window");
        Elements cells = real.page("explore/a-star-named-sue/index.html").select("#strip .tok");
        for (Element cell : cells) {
            int pos = Integer.parseInt(cell.attr("data-pos"));
            assertEquals(pos < start, cell.hasClass("is-outside"), "position " + pos);
        }
        assertTrue(real.page("explore/a-star-named-sue/index.html").selectFirst("[data-field=window]").text()
                .contains("the " + start + " tokens before it are out of reach"));
    }

    @Test
    void anUnknownWordShowsUnkWithTheWordTheAuthorWrote() {
        Document doc = real.page("explore/the-hamster-and-the-xylophone/index.html");
        List<String> unknown = doc.select("#strip .tok.unknown").stream()
                .map(c -> c.ownText() + "|" + c.selectFirst(".src").text()).distinct().toList();
        assertEquals(List.of("<unk>|hamster", "<unk>|xylophone"), unknown);
    }

    @Test
    void theStoryListShowsTitleTokenCountAndNote() {
        Elements items = real.page("explore/index.html").select(".story-list > li");
        assertEquals(3, items.size());
        Element star = items.get(0);
        assertEquals("A star named Sue", star.selectFirst(".story-link").text());
        int tokens = real.embedded("a-star-named-sue").path("tokens").size();
        assertTrue(star.selectFirst(".story-meta").text().startsWith(tokens + " tokens"), star.text());
        assertTrue(star.selectFirst(".story-note").text().startsWith("Longer than the 128-token window."));
        assertEquals("a-star-named-sue/index.html", star.selectFirst("a").attr("href"), "relative to explore/");
    }

    @Test
    void theExplainerStatesTheBundlesOwnNumbers() {
        ModelBundle bundle = TestModels.realBundle();
        ModelFacts facts = ModelFacts.of(bundle);
        String text = real.page("how-it-works/index.html").text();
        assertEquals("983,520", facts.parametersText());
        assertTrue(text.contains("attoGPT: 983,520 numbers"), text);
        assertTrue(text.contains("4,096 × 160"));
        assertTrue(text.contains("only the 5 best-matching tokens are kept"));
        assertTrue(text.contains("step 11,500"));
        assertTrue(text.contains("2.479 nats per token"));
        assertTrue(text.contains(bundle.sha256()));
        assertTrue(text.contains("The word table alone holds 66.6% of all parameters"), text);
    }

    @Test
    void pagesNeverReachForTheNetwork() throws Exception {
        for (Path page : SiteFiles.htmlPages(real.site)) {
            // the SVG namespace is a name, not an address anything requests
            String html = Files.readString(page).replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
            assertFalse(html.contains("http://") || html.contains("https://"), page.toString());
        }
        String script = Files.readString(real.site.resolve("assets/explorer.js"));
        assertFalse(script.contains("fetch(") || script.contains("XMLHttpRequest") || script.contains("import("));
    }

    @Test
    void predictionsAreTheEnginesToSixSignificantDigitsForAMidStoryPoint() {
        JsonNode point = real.embedded("lily-and-the-ball").path("points").get(12);
        PredictionPoint engine = engineTrace("lily-and-the-ball").points().get(12);
        assertEquals(engine.focus(), point.path("focus").asInt());
        Prediction top = engine.predictions().get(0);
        assertEquals(top.token(), point.path("predictions").get(0).path("token").asText());
        double shown = point.path("predictions").get(0).path("prob").asDouble();
        assertEquals(DisplayedNumbers.significant(top.prob()), shown, 0.0);
        assertEquals(top.prob(), shown, 5e-7 * top.prob(), "6 significant digits");
        assertTrue(new java.math.BigDecimal(Double.toString(shown)).stripTrailingZeros().precision() <= 6, Double.toString(shown));
    }
}
