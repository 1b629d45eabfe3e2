package org.attoscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.pages.StoryExcerpt;
import org.attoscope.testing.TinyProject;
import org.attoscope.util.Json;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100,000-word story builds, through the sliding window, into a page of bounded size: its explorer covers the
 * first {@link StoryExcerpt#MAX_TOKENS} tokens and says so, and the lists give the whole story's length.
 */
class LongStoryTest {
    @TempDir
    Path dir;

    @Test
    void aHundredThousandWordStoryBuildsIntoAnExcerptThatSaysSo() throws IOException {
        TinyProject project = new TinyProject(dir);
        String sentence = "The cat sat on the mat. ";
        project.story("long", "A very long story", sentence.repeat(100_000 / 6 + 1).strip());

        long start = System.nanoTime();
        assertEquals(0, project.build(), project.err.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 60, "built in " + seconds + " s");

        Path page = project.site.resolve("explore/long/index.html");
        long bytes = Files.size(page);
        assertTrue(bytes < 5_000_000, "an explorer page of " + bytes + " bytes (a few MB, not the 150 MB of every point)");
        Document doc = Jsoup.parse(page.toFile());
        var points = Json.mapper().readTree(doc.getElementById("attoscope-points").data()).get("points");
        assertEquals(StoryExcerpt.MAX_TOKENS, points.size());
        assertEquals(StoryExcerpt.MAX_TOKENS - 1, points.get(points.size() - 1).get("focus").asInt());
        assertTrue(points.get(points.size() - 1).get("context_start").asInt() > 0, "the window has slid");
        assertTrue(points.get(points.size() - 1).get("next").isNull(), "FORMATS.md 3: the last embedded point has no next");
        // The page opens on a point worth reading; at its last point the script shows this part, never "End of the story".
        assertEquals("true", doc.selectFirst("#explorer").attr("data-excerpt"));
        assertEquals("End of this excerpt the story goes on, but this page stops here",
                doc.select("template#panel-parts .next-excerpt").text(), "the page does not claim the story ends there");
        int tokens = 1 + 7 * (100_000 / 6 + 1); // <bos>, then six words and a full stop per sentence
        assertTrue(doc.select(".excerpt-note").text().startsWith("The whole story is " + String.format("%,d", tokens) + " tokens long."),
                doc.select(".excerpt-note").text());
        assertTrue(Files.readString(project.site.resolve("explore/index.html")).contains(tokens + " tokens"),
                "the story list gives the whole length");
    }
}
