package org.attoscope.verify;

/**
 * The one page whose URLs are not relative: a static host (GitHub Pages, Netlify, most others) serves
 * {@code 404.html} for any missing address at any depth, where no relative URL would resolve, so with a base URL
 * in site.json that page writes its URLs as paths under the base URL's path on the host
 * ({@code /attoscope/assets/site.css} for {@code https://you.github.io/attoscope/}). The verifier reads them back
 * as the site-root addresses they stand for and checks them like any other.
 */
final class HostedNotFound {
    /** Where hosts look for the page, at the site root. */
    static final String PAGE = "404.html";

    /** The base URL's path on its host, ending in '/'; null without a base URL. */
    private final String hostPath;

    HostedNotFound(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            hostPath = null;
        } else {
            String path = baseUrl.strip().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
            hostPath = path.endsWith("/") ? path : path + "/";
        }
    }

    /** Whether {@code file} (from the site root) is the 404 page of a site with a base URL. */
    boolean applies(String file) {
        return hostPath != null && PAGE.equals(file);
    }

    String hostPath() {
        return hostPath;
    }

    /**
     * The URL as the 404 page's own folder, the site root, reads it: {@code /attoscope/assets/site.css} is
     * {@code assets/site.css}; null for any other page or any URL outside the host path.
     */
    String fromRoot(String file, String url) {
        return applies(file) && url.startsWith(hostPath) ? url.substring(hostPath.length()) : null;
    }
}
