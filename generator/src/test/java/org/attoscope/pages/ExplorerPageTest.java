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

    @Test
    void theEmbeddedPointsAreTheEnginesOutputForTheStory() {
        for (String slug : RealSite.STORIES) {
            JsonNode expected = Json.mapper().valueToTree(engineTrace(slug));
            assertEquals(expected, real.embedded(slug), slug);
        }
    }

    @Test
    void withoutAScriptThePageShowsTheLastPointCompletely() {
        String slug = "lily-and-the-ball";
        PromptTrace trace = engineTrace(slug);
        PredictionPoint last = trace.points().get(trace.points().size() - 1);
        Document doc = real.page("explore/" + slug + "/index.html");

        Elements cells = doc.select("#strip .tok");
        assertEquals(trace.tokens().size(), cells.size());
        for (int h = 0; h < last.heads().size(); h++) {
            List<String> expected = new ArrayList<>();
            for (int pos = 0; pos < cells.size(); pos++) {
                double w = 0;
                for (AttentionLink l : last.heads().get(h)) {
                    if (l.source() == pos) {
                        w = l.weight();
                    }
                }
                expected.add(HalfUpNumbers.extent(w));
            }
            int head = h;
            assertEquals(expected, cells.stream().map(c -> c.select(".bar.h" + head).attr("data-w")).toList(), "head " + h);
        }
        assertEquals(List.of("tok mark is-focus"), cells.stream().filter(c -> c.hasAttr("aria-current")).map(Element::className).toList());

        List<String> predicted = last.predictions().subList(0, ExplorerPage.SHOWN_PREDICTIONS).stream()
                .map(p -> p.token() + " " + HalfUpNumbers.percent(p.prob())).toList();
        assertEquals(predicted, doc.select("[data-field=predictions] .pred").stream()
                .map(li -> li.selectFirst(".pred-tok").text() + " " + li.selectFirst(".pred-pct").text()).toList());
        assertEquals(String.valueOf(last.focus()), doc.selectFirst("[data-field=focus]").text());
        assertTrue(doc.selectFirst("[data-field=next]").text().startsWith("End of the story"));
    }

    @Test
    void pastTheWindowTheEarlyTokensAreGreyedOut() {
        JsonNode story = real.embedded("a-star-named-sue");
        JsonNode last = story.path("points").get(story.path("points").size() - 1);
        int start = last.path("context_start").asInt();
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
                .map(c -> c.selectFirst(".tk").text() + "|" + c.selectFirst(".src").text()).distinct().toList();
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
            String html = Files.readString(page);
            assertFalse(html.contains("http://") || html.contains("https://"), page.toString());
        }
        String script = Files.readString(real.site.resolve("assets/explorer.js"));
        assertFalse(script.contains("fetch(") || script.contains("XMLHttpRequest") || script.contains("import("));
    }

    @Test
    void predictionsAreExactlyTheEnginesForAMidStoryPoint() {
        JsonNode point = real.embedded("lily-and-the-ball").path("points").get(12);
        PredictionPoint engine = engineTrace("lily-and-the-ball").points().get(12);
        assertEquals(engine.focus(), point.path("focus").asInt());
        Prediction top = engine.predictions().get(0);
        assertEquals(top.token(), point.path("predictions").get(0).path("token").asText());
        assertEquals(top.prob(), point.path("predictions").get(0).path("prob").asDouble(), 0.0);
    }
}
