package org.attoscope.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.attoscope.pages.Addresses;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * The playground's "save as story" under {@code attoscope serve}: a form post of title, slug and text becomes
 * {@code content/stories/SLUG.md}, which the watcher then builds like any story the author wrote.
 *
 * <p>It never overwrites a file, and it takes posts only from pages of this server: the browser names the page's
 * origin in every form post, and a page of any other site (which could post to 127.0.0.1 too) is refused.
 */
final class StoryInbox implements HttpHandler {
    static final String PATH = SiteServer.LIVE_PREFIX + "stories";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_BYTES = 256 * 1024;

    private final Path stories;

    StoryInbox(Path stories) {
        this.stories = stories;
    }

    /**
     * What a post did: the HTTP status, the sentence the page shows, and for a saved story its explorer's address from
     * the site root (else null), which the playground links to without spelling the address itself.
     */
    record Outcome(int status, String message, String explorer) {
        Outcome(int status, String message) {
            this(status, message, null);
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Outcome o;
            if (!ex.getRequestMethod().equals("POST")) {
                o = new Outcome(405, "Save a story with the playground's form.");
            } else if (!sameOrigin(ex)) {
                o = new Outcome(403, "Only a page of this attoscope serve may save stories.");
            } else {
                byte[] body = readAtMost(ex.getRequestBody(), MAX_BYTES + 1);
                o = body.length > MAX_BYTES ? new Outcome(413, "The text is too long to save from the playground.")
                        : save(form(new String(body, StandardCharsets.UTF_8)));
            }
            byte[] page = answer(o);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(o.status(), page.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(page);
            }
        }
    }

    /** Writes the story; refuses a bad slug, an empty title or text, and an existing file. */
    Outcome save(Map<String, String> form) {
        String slug = form.getOrDefault("slug", "").strip();
        String title = form.getOrDefault("title", "").strip().replaceAll("\\s+", " ");
        String text = form.getOrDefault("text", "").strip();
        if (!SLUG.matcher(slug).matches()) {
            return new Outcome(400, "The slug must be lower-case letters, digits and single hyphens, like \"my-story\".");
        }
        if (title.isEmpty() || text.isEmpty()) {
            return new Outcome(400, "A story needs a title and a text.");
        }
        Path file = stories.resolve(slug + ".md");
        String md = "---\ntitle: " + yamlString(title) + "\n---\n" + text + "\n";
        try {
            Files.createDirectories(stories);
            Files.writeString(file, md, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return new Outcome(409, "There is already a story content/stories/" + slug + ".md; choose another slug.");
        } catch (IOException e) {
            return new Outcome(500, "Could not write content/stories/" + slug + ".md: " + e.getMessage());
        }
        String explorer = Addresses.explorer(slug);
        return new Outcome(201, "Saved as content/stories/" + slug + ".md; its explorer appears with the next rebuild (" + explorer + ").",
                explorer);
    }

    private static boolean sameOrigin(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        int port = ex.getLocalAddress().getPort();
        return origin != null && (origin.equals("http://127.0.0.1:" + port) || origin.equals("http://localhost:" + port));
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // a malformed escape: that field is left out, and the checks above name what is missing
                }
            }
        }
        return out;
    }

    /** A YAML double-quoted scalar: the title cannot end the front matter or change its type. */
    private static String yamlString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The page the playground's hidden frame receives: the outcome in {@code #result} (its status, and a saved story's
     * explorer), which {@code playground.js} reads. Built as a document, so the message and address are escaped by jsoup.
     */
    static byte[] answer(Outcome o) {
        Document doc = Document.createShell("");
        doc.prependChild(new DocumentType("html", "", ""));
        doc.outputSettings().prettyPrint(false);
        doc.selectFirst("html").attr("lang", "en");
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.title("Save as story");
        Element result = doc.body().appendElement("p").id("result").attr("data-status", String.valueOf(o.status()));
        if (o.explorer() != null) {
            result.attr("data-explorer", o.explorer());
        }
        result.text(o.message());
        return (doc.outerHtml() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        return in.readNBytes(max);
    }
}
