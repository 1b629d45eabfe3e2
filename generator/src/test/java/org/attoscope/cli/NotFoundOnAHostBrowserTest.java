package org.attoscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attoscope.testing.SharedChromium;
import org.attoscope.testing.TestModels;
import org.attoscope.testing.TinyProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A static host (GitHub Pages, Netlify) answers every missing address, at any depth, with the site's 404.html. With a
 * base URL in site.json that page keeps its styles and its links wherever it is served; without one, at a missing
 * address in the site's top folder. Served here by a small HTTP server that does what those hosts do, opened in
 * Debian's chromium.
 */
class NotFoundOnAHostBrowserTest {
    @TempDir
    static Path withBase;
    @TempDir
    static Path withoutBase;
    @RegisterExtension
    static final SharedChromium chromium = new SharedChromium();
    static StaticHost project;
    static StaticHost folderless;

    /** {@code site/} published under {@code path} of a host that serves {@code 404.html} (status 404) for any miss. */
    record StaticHost(HttpServer server, String origin) {
        static StaticHost of(Path site, String path) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", ex -> serve(ex, site, path));
            server.start();
            return new StaticHost(server, "http://127.0.0.1:" + server.getAddress().getPort());
        }

        private static void serve(HttpExchange ex, Path site, String path) throws IOException {
            String p = URI.create(ex.getRequestURI().getRawPath()).getPath();
            Path file = null;
            if (p.startsWith(path)) {
                String rest = p.substring(path.length());
                Path f = site.resolve(rest.isEmpty() || rest.endsWith("/") ? rest + "index.html" : rest).normalize();
                file = f.startsWith(site) && Files.isRegularFile(f) ? f : null;
            }
            int status = file == null ? 404 : 200;
            Path body = file == null ? site.resolve("404.html") : file;
            String name = body.getFileName().toString();
            ex.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript" : name.endsWith(".svg") ? "image/svg+xml"
                    : "application/octet-stream");
            byte[] bytes = Files.readAllBytes(body);
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @BeforeAll
    static void publish() throws IOException {
        TinyProject a = new TinyProject(withBase).siteJson("https://you.example.org/attoscope");
        assertEquals(0, a.build(), a.err.toString());
        project = StaticHost.of(a.site, "/attoscope/");
        TinyProject b = new TinyProject(withoutBase);
        assertEquals(0, b.build(), b.err.toString());
        folderless = StaticHost.of(b.site, "/");
    }

    @AfterAll
    static void stop() {
        for (StaticHost h : new StaticHost[] {project, folderless}) {
            if (h != null) {
                h.server().stop(0);
            }
        }
    }

    /** What a reader at {@code url} gets: the status, whether site.css styles the page, every failed request. */
    private record Visit(Page page, int status, List<String> failed) {
        boolean styled() {
            // site.css sets the palette on :root and the masthead's layout; without it neither is there
            return "#1b1e24".equals(page.evaluate("() => getComputedStyle(document.documentElement).getPropertyValue('--ink').trim()"))
                    && "flex".equals(page.evaluate("() => getComputedStyle(document.querySelector('.masthead-inner')).display"));
        }

        String href(String selector) {
            return (String) page.evaluate("s => document.querySelector(s).href", selector);
        }
    }

    private Visit visit(String url) {
        Page page = chromium.browser().newPage();
        List<String> failed = new ArrayList<>();
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.url().equals(url)) {
                failed.add(r.status() + " " + r.url());
            }
        });
        page.onRequestFailed(r -> failed.add("failed " + r.url()));
        Response response = page.navigate(url);
        page.waitForLoadState();
        return new Visit(page, response.status(), failed);
    }

    @Test
    void withABaseUrlTheNotFoundPageThreeFoldersDeepIsStyledAndItsLinksLeadIntoTheSite() throws IOException {
        Visit v = visit(project.origin() + "/attoscope/x/y/z");
        assertEquals(404, v.status());
        assertEquals("This page is not here", v.page().locator("h1").textContent());
        assertTrue(v.styled(), "site.css applies at /attoscope/x/y/z");
        assertEquals(List.of(), v.failed(), "the style sheet, the icon and nothing else load, all from the site");
        assertEquals(project.origin() + "/attoscope/index.html", v.href("a.brand"));
        assertEquals(project.origin() + "/attoscope/explore/index.html", v.href("a.button.primary"));
        v.page().screenshot(new Page.ScreenshotOptions().setPath(Files.createDirectories(
                TestModels.repoRoot().resolve("generator/target/screenshots")).resolve("not-found-at-depth.png")));

        v.page().locator("a.brand").click();
        v.page().waitForLoadState();
        assertEquals(project.origin() + "/attoscope/index.html", v.page().url());
        assertTrue(v.page().locator("h1").count() == 1 && !v.page().title().startsWith("Page not found"), v.page().title());
        v.page().close();
    }

    @Test
    void withoutABaseUrlTheNotFoundPageIsStyledAtAMissingAddressOfTheTopFolder() {
        Visit v = visit(folderless.origin() + "/no-such-page.html");
        assertEquals(404, v.status());
        assertTrue(v.styled(), "site.css applies at /no-such-page.html");
        assertEquals(List.of(), v.failed());
        assertEquals(folderless.origin() + "/index.html", v.href("a.brand"));
        v.page().close();
    }
}
