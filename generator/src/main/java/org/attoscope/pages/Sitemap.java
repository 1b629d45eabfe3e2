package org.attoscope.pages;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code sitemap.xml} and {@code robots.txt}, written only when site.json gives a {@code base_url}: both need the
 * absolute address the site is published at, which the relative links of the pages never do.
 */
final class Sitemap {
    private Sitemap() {
    }

    static byte[] xml(String baseUrl, List<String> pagePaths) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String p : pagePaths) {
            sb.append("  <url><loc>").append(escape(Addresses.url(baseUrl, p))).append("</loc></url>\n");
        }
        return sb.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] robots(String baseUrl) {
        return ("User-agent: *\nAllow: /\nSitemap: " + Addresses.url(baseUrl, Addresses.SITEMAP) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
