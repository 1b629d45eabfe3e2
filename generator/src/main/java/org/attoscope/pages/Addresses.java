package org.attoscope.pages;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every address of the site, from its root: where each page goes, and how a page's address is read back. Nothing
 * else in the code spells one; the build, the lessons, the verifier, the sitemap and the bench ask here.
 *
 * <p>Every page address ends in {@code index.html} (or is a file at the root), because file:// does not open a
 * folder's index page; links are written relative to the linking page ({@link #root}), so the site works from any
 * folder of any static host.
 */
public final class Addresses {
    public static final String HOME = "index.html";
    public static final String NOT_FOUND = "404.html";
    /** The folder of the explorers; its index is the list of stories. */
    public static final String EXPLORE = "explore";
    public static final String STORIES = EXPLORE + "/index.html";
    public static final String HOW_IT_WORKS = "how-it-works/index.html";
    /** The folder of the lesson pages, named like the content folder the lessons are read from. */
    public static final String LESSONS_FOLDER = "lessons";
    public static final String LESSONS = LESSONS_FOLDER + "/index.html";
    public static final String PLAYGROUND = "playground/index.html";
    /** The verifier's folder: its report page and the same report as data. */
    public static final String VERIFICATION_FOLDER = "verification";
    public static final String VERIFICATION = VERIFICATION_FOLDER + "/index.html";
    public static final String VERIFICATION_JSON = VERIFICATION_FOLDER + "/report.json";
    /** What every point's id is before its number ({@link #pointId}): for a page that makes an address from the number. */
    public static final String POINT_ID_PREFIX = "p";
    /** The folder {@code templates/assets} is copied to. */
    public static final String ASSETS = "assets";
    /** The search page, and the index it reads: a script the build writes, so search works from file://. */
    public static final String SEARCH = "search/index.html";
    public static final String SEARCH_INDEX = ASSETS + "/search-index.js";
    public static final String SITEMAP = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";

    private static final Pattern EXPLORER = Pattern.compile(Pattern.quote(EXPLORE) + "/([^/]+)/index\\.html");

    private Addresses() {
    }

    /** A story's explorer page. */
    public static String explorer(String slug) {
        return EXPLORE + "/" + slug + "/index.html";
    }

    /** The story whose explorer is at {@code path}, or empty when {@code path} is no explorer's address. */
    public static Optional<String> explorerSlug(String path) {
        Matcher m = EXPLORER.matcher(path);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A lesson's page, by the lesson's file name without {@code .md} ({@code 03-attention}). */
    public static String lesson(String name) {
        return LESSONS_FOLDER + "/" + name + "/index.html";
    }

    /** The fragment of an explorer that opens it at prediction point {@code focus} (the strip cell's id). */
    public static String point(int focus) {
        return "#" + pointId(focus);
    }

    /** The id of the strip cell of point {@code focus}. */
    public static String pointId(int focus) {
        return POINT_ID_PREFIX + focus;
    }

    /** The id of a lesson's n-th figure (from 1), which {@code #figure-n} addresses. */
    public static String figureId(int number) {
        return "figure-" + number;
    }

    /** A file copied from {@code templates/assets}, by its path inside that folder. */
    public static String asset(String name) {
        return ASSETS + "/" + name;
    }

    /** The way from the folder of the page at {@code path} back to the site root: "", "../", "../../". */
    public static String root(String path) {
        return "../".repeat((int) path.chars().filter(c -> c == '/').count());
    }

    /**
     * The site root as a path on its host, from its base URL: {@code https://you.github.io/attoscope} is
     * {@code /attoscope/}, {@code https://example.org} is {@code /}. Only the 404 page links this way (see
     * {@link #hostRoot(String, String)}).
     */
    public static String hostPath(String baseUrl) {
        String path = baseUrl.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
        return path.endsWith("/") ? path : path + "/";
    }

    /**
     * The way back to the site root for the page at {@code path}, as its links are written: relative ({@link #root})
     * on every page, except the 404 page when the site has a base URL. A host serves that page for any missing
     * address, at any depth ({@code /attoscope/a/b/c}), where no relative link would resolve, so its links start at
     * the site's path on the host ({@link #hostPath}). Without a base URL it stays relative, right for a missing
     * address in the site's top folder only.
     */
    public static String hostRoot(String path, String baseUrl) {
        return path.equals(NOT_FOUND) && baseUrl != null ? hostPath(baseUrl) : root(path);
    }

    /**
     * The shortest relative link from the page at {@code from} to the address {@code to}: up out of the folders
     * they do not share, then down ({@code lessons/01-a/index.html} to {@code lessons/02-b/index.html} is
     * {@code ../02-b/index.html}).
     */
    public static String link(String from, String to) {
        String[] a = from.split("/");
        String[] b = to.split("/");
        int shared = 0;
        while (shared < a.length - 1 && shared < b.length - 1 && a[shared].equals(b[shared])) {
            shared++;
        }
        StringBuilder sb = new StringBuilder("../".repeat(a.length - 1 - shared));
        for (int i = shared; i < b.length; i++) {
            sb.append(b[i]).append(i + 1 < b.length ? "/" : "");
        }
        return sb.toString();
    }

    /** A page's public address under {@code baseUrl}: a folder's {@code index.html} is dropped, as hosts serve it. */
    public static String url(String baseUrl, String path) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        String p = path.equals(HOME) ? "" : path.endsWith("/index.html") ? path.substring(0, path.length() - "index.html".length()) : path;
        return base + p;
    }

    /** Whether the page at {@code path} belongs in the sitemap: every page but the one a host serves for a miss. */
    public static boolean listed(String path) {
        return path.endsWith(".html") && !path.equals(NOT_FOUND);
    }
}
