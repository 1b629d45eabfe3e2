package org.attoscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.attoscope.testing.TinyProject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A built site can be copied to any static host, into any folder, or opened from disk; a base URL adds what search engines want. */
class PublishingTest {
    @TempDir
    Path dir;

    @Test
    void everyLinkOfEveryPageIsRelativeAndLandsOnAFileOfTheSite() throws IOException {
        TinyProject project = new TinyProject(dir);
        assertEquals(0, project.build(), project.err.toString());
        for (Path page : pages(project.site)) {
            Document doc = Jsoup.parse(Files.readString(page));
            for (Element e : doc.select("[href], [src]")) {
                String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                assertFalse(url.startsWith("/") || url.contains(":"), page + ": " + url);
                String path = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
                if (!path.isEmpty()) {
                    Path target = page.getParent().resolve(path).normalize();
                    assertTrue(target.startsWith(project.site) && Files.isRegularFile(target), page + ": " + url);
                }
            }
        }
        assertFalse(Files.exists(project.site.resolve("sitemap.xml")), "no sitemap without a base URL");
        assertFalse(Files.exists(project.site.resolve("robots.txt")));
        assertTrue(Files.isRegularFile(project.site.resolve("404.html")));
    }

    @Test
    void aBaseUrlAddsCanonicalLinksASitemapAndRobotsAndLetsThe404PageFindItsAssetsAnywhere() throws IOException {
        TinyProject project = new TinyProject(dir).siteJson("https://example.org/attoscope");
        assertEquals(0, project.build(), project.err.toString());
        for (Path page : pages(project.site)) {
            String rel = project.site.relativize(page).toString();
            if (rel.startsWith("verification/")) {
                continue; // the verifier's report, written after the pages and the sitemap
            }
            Document doc = Jsoup.parse(Files.readString(page));
            if (rel.equals("404.html")) {
                // a host serves 404.html at any address, at any depth: its links start at the site's path on the host
                assertTrue(doc.select("head > link[rel=canonical]").isEmpty(), "the 404 page has no address of its own");
                assertTrue(doc.select("script, base").isEmpty(), "nothing moves its links at run time: " + doc.select("script, base"));
                List<String> urls = doc.select("[href], [src]").stream().map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src"))
                        .filter(u -> !u.startsWith("#")).toList();
                assertTrue(urls.containsAll(List.of("/attoscope/assets/site.css", "/attoscope/index.html", "/attoscope/explore/index.html")), urls.toString());
                for (String url : urls) {
                    assertTrue(url.startsWith("/attoscope/") && Files.isRegularFile(project.site.resolve(url.substring("/attoscope/".length()))), url);
                }
                continue;
            }
            String folder = rel.equals("index.html") ? "" : rel.substring(0, rel.length() - "index.html".length());
            assertEquals("https://example.org/attoscope/" + folder, doc.select("head > link[rel=canonical]").attr("href"), rel);
            assertTrue(doc.select("head > base").isEmpty(), rel);
        }
        String sitemap = Files.readString(project.site.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://example.org/attoscope/</loc>"), sitemap);
        assertTrue(sitemap.contains("<loc>https://example.org/attoscope/lessons/02-attention/</loc>"), sitemap);
        assertTrue(sitemap.contains("<loc>https://example.org/attoscope/explore/cat/</loc>"), sitemap);
        assertFalse(sitemap.contains("404"), sitemap);
        assertEquals(pages(project.site).stream().filter(p -> !p.toString().contains("/verification/")).count() - 1,
                sitemap.split("<url>").length - 1, "every page but the 404 (and the verifier's report)");
        assertEquals("User-agent: *\nAllow: /\nSitemap: https://example.org/attoscope/sitemap.xml\n",
                Files.readString(project.site.resolve("robots.txt")));
    }

    @Test
    void aBaseUrlThatIsNotAnAddressIsExplained() {
        TinyProject project = new TinyProject(dir).siteJson("example.org/attoscope");
        assertEquals(1, project.build());
        assertTrue(project.err.toString().startsWith("error: " + project.content.resolve("site.json") + ":1: \"base_url\" is not the address of a site"),
                project.err.toString());
    }

    @Test
    void twoBuildsOfTheSameProjectAreByteIdenticalFileForFile() throws IOException {
        TinyProject project = new TinyProject(dir).siteJson("https://example.org/");
        assertEquals(0, project.build(), project.err.toString());
        Map<String, byte[]> first = snapshot(project.site);
        assertEquals(0, project.build(), project.err.toString());
        Map<String, byte[]> second = snapshot(project.site);
        assertEquals(first.keySet(), second.keySet());
        assertTrue(first.keySet().containsAll(List.of("lessons/02-attention/index.html", "explore/cat/index.html", "sitemap.xml")));
        first.forEach((path, bytes) -> assertArrayEquals(bytes, second.get(path), path));
    }

    private static List<Path> pages(Path site) throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Map<String, byte[]> snapshot(Path site) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(site.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
