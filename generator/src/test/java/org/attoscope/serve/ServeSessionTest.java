package org.attoscope.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.attoscope.content.SiteConfig;
import org.attoscope.lessons.LessonSection;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.Addresses;
import org.attoscope.pages.LiveSite;
import org.attoscope.pages.PageFigures;
import org.attoscope.pages.SiteBuild;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.testing.TinyProject;
import org.attoscope.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attoscope serve} end to end: a real server on 127.0.0.1, real file edits, the watcher, the event stream. */
class ServeSessionTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String LESSON = "lessons/01-first/index.html";

    @TempDir
    Path dir;
    TinyProject project;
    ServeSession session;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void serve() {
        project = new TinyProject(dir);
        ModelBundle bundle = ModelBundle.load(project.model);
        LiveSite live = new LiveSite(new SiteBuild.Folders(project.content, project.templates, project.site), SiteConfig.load(project.content),
                bundle, PageFigures.NONE, SiteVerifier.NONE, w -> { }, 2, content -> List.of(new LessonSection(content, bundle)));
        session = new ServeSession(live, List.of(project.content, project.templates), new PrintWriter(out, true), new PrintWriter(err, true));
        session.start(0);
    }

    @AfterEach
    void stop() {
        session.close();
    }

    @Test
    void servesTheSiteOnLoopbackWithTheLiveScriptAddedOnlyOnTheWayOut() throws Exception {
        assertTrue(out.toString().contains("at http://127.0.0.1:" + session.port() + "/"), out.toString());
        Response home = get("/");
        assertEquals(200, home.status());
        assertTrue(home.body().contains("<script src=\"/__attoscope/live.js\" data-build=\"1\"></script></body>"), home.body());
        assertFalse(project.read("site/index.html").contains("__attoscope"), "the file on disk has no live script");
        assertEquals(301, get("/lessons").status(), "a folder without its slash is redirected so relative links resolve");
        assertEquals(404, get("/../content/site.json").status());
        assertEquals(200, get("/__attoscope/live.js").status());
    }

    @Test
    void aSavedLessonIsOnDiskAndServedAndTheOpenPageHearsToReload() throws Exception {
        try (EventStream events = new EventStream(session.port())) {
            assertEquals("hello", events.next().event());
            project.lesson("01-first", "First lesson", "Where the book starts.", "## Start\n\nA freshly saved sentence.\n");

            awaitTrue(() -> project.read("site/" + LESSON).contains("A freshly saved sentence."));
            assertTrue(get("/" + LESSON).body().contains("A freshly saved sentence."));
            Event reload = events.next();
            assertEquals("reload", reload.event());
            assertEquals(List.of(Addresses.SEARCH_INDEX, LESSON), Json.mapper().convertValue(reload.data().get("changed"), List.class),
                    "the lesson and the search index, which holds its words");
        }
    }

    @Test
    void aBrokenEditShowsTheProblemKeepsTheLastGoodSiteAndTheNextGoodSaveRecovers() throws Exception {
        String good = project.read("site/" + LESSON);
        try (EventStream events = new EventStream(session.port())) {
            events.next(); // hello
            project.write("content/lessons/01-first.md", "---\ntitle: First lesson\nsummary: Where the book starts.\n---\n\n```heatmap capture=nowhere tensor=step00.attention_00 head=0\n```\n");

            Event problem = events.next();
            assertEquals("problem", problem.event());
            assertEquals(project.content.resolve("lessons/01-first.md").toString(), absolute(problem.data().get("file").asText()));
            assertTrue(problem.data().get("problem").asText().contains("nowhere"), problem.toString());
            assertEquals(6, problem.data().get("line").asInt());
            assertFalse(problem.data().get("fix").asText().isBlank());
            awaitTrue(() -> err.toString().contains("01-first.md:6: "));
            assertTrue(err.toString().contains("still serving the last good site"), err.toString());
            assertEquals(good, project.read("site/" + LESSON), "the last good page stays on disk");
            assertEquals(good.length() + scriptLength(), get("/" + LESSON).body().length(), "and on the server");

            try (EventStream late = new EventStream(session.port())) {
                Event hello = late.next();
                assertEquals("hello", hello.event());
                assertEquals(6, hello.data().get("problem").get("line").asInt(), "a page opened while the site is broken shows the overlay at once");
            }

            project.lesson("01-first", "First lesson", "Where the book starts.", "## Start\n\nRepaired.\n");
            Event reload = events.next();
            assertEquals("reload", reload.event());
            awaitTrue(() -> out.toString().contains("fixed: rebuilt " + Addresses.SEARCH_INDEX + ", " + LESSON));
            assertTrue(project.read("site/" + LESSON).contains("Repaired."));
        }
    }

    private String absolute(String reported) {
        Path p = Path.of(reported);
        return (p.isAbsolute() ? p : Path.of("").toAbsolutePath().resolve(p)).normalize().toString();
    }

    private int scriptLength() {
        return ("<script src=\"/__attoscope/live.js\" data-build=\"1\"></script>").length();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE);
            }
            Thread.sleep(20);
        }
    }

    record Response(int status, String body) {
    }

    private Response get(String path) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + session.port() + path).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        int status = c.getResponseCode();
        var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        c.disconnect();
        return new Response(status, body);
    }

    record Event(String event, JsonNode data) {
    }

    /**
     * The page's side of the event stream, read on a thread of its own over a plain socket: closing the socket
     * ends the read at once, where closing a chunked HttpURLConnection waits for the blocked reader.
     */
    static final class EventStream implements AutoCloseable {
        private final Socket socket;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

        EventStream(int port) throws Exception {
            socket = new Socket("127.0.0.1", port);
            socket.getOutputStream().write(("GET /__attoscope/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> {
                try {
                    String event = null;
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("event: ")) {
                            event = line.substring(7);
                        } else if (line.startsWith("data: ")) {
                            events.add(new Event(event, Json.mapper().readTree(line.substring(6))));
                        }
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        Event next() throws InterruptedException {
            Event e = events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no event within " + PATIENCE);
            }
            return e;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
