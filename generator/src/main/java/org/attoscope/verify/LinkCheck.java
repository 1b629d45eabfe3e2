package org.attoscope.verify;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves every URL a page or style sheet names, from the files on disk.
 *
 * <p>The rules, so the site works opened from the file system (FORMATS.md section 6):
 * <ul>
 *   <li>a relative URL must land on a file inside the site folder (not a folder: file:// does not open a folder's
 *       index.html), and its {@code #fragment}, on an HTML page, must be an {@code id} (or {@code <a name>}) of
 *       that page; an empty fragment or {@code #top} means the top of the page;</li>
 *   <li>no absolute paths ({@code /x}), no protocol-relative URLs ({@code //host/x}), no {@code file:} or
 *       {@code javascript:} URLs, and no absolute link to the site's own base URL;</li>
 *   <li>but on the 404 page of a site with a base URL ({@link HostedNotFound}), whose URLs are paths under the
 *       base URL's path on its host; each must land on a file of the site as a relative URL would;</li>
 *   <li>nothing the browser fetches by itself (scripts, style sheets, images, frames, CSS {@code url()} and
 *       {@code @import}) may come from another host; {@code data:} URLs are inline and allowed;</li>
 *   <li>a reader-followed link ({@code <a href>}) to another site over http(s), or a {@code mailto:}, is allowed:
 *       it loads nothing until clicked. Each is listed in the report.</li>
 * </ul>
 */
final class LinkCheck {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    /** What one file's references came to. */
    record Tally(int internal, int fragments, List<String> external, List<Finding> findings) {
    }

    private final BuiltSite site;
    private final Map<String, Set<String>> anchorsByPage;
    private final String baseUrl;
    private final HostedNotFound notFound;
    private final Set<String> pending;

    /**
     * @param anchorsByPage the anchors of every HTML page of the site, by path from the root
     * @param baseUrl       the site's own address from site.json, or null
     * @param pending       files not written yet that count as present (the report, while its own link counts are
     *                      being gathered); fragments into them are not checked in this pass
     */
    LinkCheck(BuiltSite site, Map<String, Set<String>> anchorsByPage, String baseUrl, Set<String> pending) {
        this.site = site;
        this.anchorsByPage = anchorsByPage;
        this.pending = pending;
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : stripSlash(baseUrl.strip().toLowerCase(Locale.ROOT));
        this.notFound = new HostedNotFound(baseUrl);
    }

    Tally check(String file, List<Reference> references) {
        int internal = 0;
        int fragments = 0;
        List<String> external = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Reference ref : references) {
            String url = ref.url();
            String lower = url.toLowerCase(Locale.ROOT);
            String problem = null;
            if (SCHEME.matcher(url).find()) {
                if (lower.startsWith("data:")) {
                    problem = ref.loads() ? null : "a data: URL as a link; browsers refuse to open them";
                } else if (baseUrl != null && (lower.startsWith("http:") || lower.startsWith("https:")) && stripSlash(lower).startsWith(baseUrl)) {
                    problem = "an absolute link to the site itself (its base URL " + baseUrl + "); write it relative so it works from any copy";
                } else if (lower.startsWith("http:") || lower.startsWith("https:")) {
                    if (ref.loads()) {
                        problem = "loads from the network; the site must work offline, so bundle it under the site folder";
                    } else {
                        external.add(url);
                    }
                } else if (lower.startsWith("mailto:") && !ref.loads()) {
                    external.add(url);
                } else {
                    problem = "a " + url.substring(0, url.indexOf(':') + 1) + " URL; only relative links, data: and outbound http(s) links are allowed";
                }
            } else if (url.startsWith("//")) {
                problem = "a protocol-relative URL: it loads from the network, and from file:// it finds nothing";
            } else if (url.startsWith("/") && notFound.fromRoot(ref.from(), url) != null) {
                internal++;
                Reference fromRoot = new Reference(ref.from(), ref.where(), notFound.fromRoot(ref.from(), url), ref.loads());
                String fragment = fragmentOf(fromRoot.url());
                if (fragment != null && !fragment.isEmpty()) {
                    fragments++;
                }
                problem = resolve(fromRoot, fragment);
            } else if (url.startsWith("/")) {
                problem = notFound.applies(ref.from())
                        ? "a path outside the site's own path on its host (" + notFound.hostPath() + ", from the base URL)"
                        : "an absolute path: from file:// it points at the root of the disk; write it relative";
            } else {
                internal++;
                String fragment = fragmentOf(url);
                if (fragment != null && !fragment.isEmpty()) {
                    fragments++;
                }
                problem = resolve(ref, fragment);
            }
            if (problem != null) {
                findings.add(Finding.of(file, ref.where() + " \"" + url + "\": " + problem));
            }
        }
        return new Tally(internal, fragments, external, findings);
    }

    private String resolve(Reference ref, String fragment) {
        String url = ref.url();
        String path = url;
        int cut = indexOfAny(path, '#', '?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        String target;
        if (path.isEmpty()) {
            target = ref.from();
        } else {
            Path from = site.dir().resolve(ref.from()).getParent();
            Path resolved = from.resolve(decode(path)).normalize();
            Path root = site.dir().toAbsolutePath().normalize();
            if (!resolved.toAbsolutePath().normalize().startsWith(root)) {
                return "leaves the site folder";
            }
            if (pending.contains(root.relativize(resolved.toAbsolutePath().normalize()).toString().replace('\\', '/'))) {
                return null;
            }
            if (Files.isDirectory(resolved)) {
                return "names a folder; from file:// a folder does not open its index.html, so link the file itself";
            }
            if (!Files.isRegularFile(resolved)) {
                return "points to " + site.name(site.dir().relativize(resolved).toString().replace('\\', '/')) + ", which does not exist";
            }
            target = root.relativize(resolved.toAbsolutePath().normalize()).toString().replace('\\', '/');
        }
        if (fragment == null || fragment.isEmpty() || !target.endsWith(".html")) {
            return null;
        }
        Set<String> anchors = anchorsByPage.get(target);
        String id = decode(fragment);
        if (anchors != null && !anchors.contains(id) && !id.equalsIgnoreCase("top")) {
            return "no element of " + site.name(target) + " has id \"" + id + "\"";
        }
        return null;
    }

    private static String fragmentOf(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? null : url.substring(hash + 1);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
