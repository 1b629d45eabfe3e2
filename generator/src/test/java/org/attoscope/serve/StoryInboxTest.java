package org.attoscope.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.content.Story;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playground's "save as story" endpoint of serve, spoken to over HTTP as the page's form does. */
class StoryInboxTest {
    @TempDir
    Path content;
    HttpServer server;
    String origin;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext(StoryInbox.PATH, new StoryInbox(content.resolve("stories")));
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpResponse<String> post(String from, String title, String slug, String text) throws Exception {
        String body = "title=" + enc(title) + "&slug=" + enc(slug) + "&text=" + enc(text);
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(origin + StoryInbox.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (from != null) {
            r.header("Origin", from);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aPostFromThePageWritesAStoryTheBuildReads() throws Exception {
        HttpResponse<String> r = post(origin, "Tom's \"big\" day: part 1", "toms-big-day", "Tom ran home. He was happy!\n\nThe end.");
        assertEquals(201, r.statusCode());
        assertTrue(r.body().contains("Saved as content/stories/toms-big-day.md"), r.body());
        assertTrue(r.body().contains("<p id=\"result\" data-status=\"201\" data-explorer=\"explore/toms-big-day/index.html\">"),
                "the new explorer's address, for the playground to link: " + r.body());
        Story story = Story.read(content.resolve("stories/toms-big-day.md"));
        assertEquals("Tom's \"big\" day: part 1", story.title());
        assertEquals("Tom ran home. He was happy!\n\nThe end.", story.text());
    }

    @Test
    void theAnswerCarriesAnyMessageAsTextThePlaygroundReadsBackExactly() {
        String message = "Could not write content/stories/a.md: </p><script>alert(\"x\")</script> & more";
        String html = new String(StoryInbox.answer(new StoryInbox.Outcome(500, message)), StandardCharsets.UTF_8);
        assertFalse(html.contains("<script"), html);
        Element result = Jsoup.parse(html).getElementById("result");
        assertEquals(message, result.text());
        assertEquals("500", result.attr("data-status"));
        assertFalse(result.hasAttr("data-explorer"), "only a saved story names an explorer");
        assertTrue(html.startsWith("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Save as story</title>"), html);
    }

    @Test
    void itNeverOverwritesAStory() throws Exception {
        Files.createDirectories(content.resolve("stories"));
        Files.writeString(content.resolve("stories/mine.md"), "---\ntitle: Mine\n---\nMy own words.\n");
        HttpResponse<String> r = post(origin, "Other", "mine", "Other words.");
        assertEquals(409, r.statusCode());
        assertTrue(r.body().contains("already a story content/stories/mine.md"), r.body());
        assertEquals("---\ntitle: Mine\n---\nMy own words.\n", Files.readString(content.resolve("stories/mine.md")));
    }

    @Test
    void itRefusesBadSlugsEmptyFieldsAndOtherSitesPages() throws Exception {
        assertEquals(400, post(origin, "T", "../escape", "text").statusCode());
        assertEquals(400, post(origin, "T", "Has Caps", "text").statusCode());
        assertEquals(400, post(origin, " ", "ok", "text").statusCode());
        assertEquals(400, post(origin, "T", "ok", "  ").statusCode());
        assertEquals(403, post("https://example.com", "T", "ok", "text").statusCode());
        assertEquals(403, post(null, "T", "ok", "text").statusCode());
        assertFalse(Files.exists(content.resolve("stories/ok.md")));
        assertFalse(Files.exists(content.resolve("escape.md")));
    }
}
