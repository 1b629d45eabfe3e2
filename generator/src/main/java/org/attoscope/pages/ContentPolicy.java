package org.attoscope.pages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of every page, the one place it is made: the layout writes
 * {@code <meta http-equiv="Content-Security-Policy" th:content="${csp}">} with {@link #PLACEHOLDER}, and
 * {@link #seal} replaces it, once the page is rendered, with a policy that allows exactly the page's own inline
 * scripts (by sha256) and the site's own files, and no connection to any origin. Derived from the rendered page,
 * so a script another part of the build adds is allowed by construction, and nothing else is.
 *
 * <p>{@code 'self'} is how a page names the site's files: from file:// Chromium and Firefox match it against
 * file: URLs, over http against the host the site is served from. Style attributes stay allowed (the figures and
 * bars are drawn with {@code style="--w:..."}); everything they could load is stopped by the other directives.
 *
 * <p>The playground alone also has {@code 'wasm-unsafe-eval'} in {@code script-src}: it compiles its WebAssembly
 * kernels (assets/playground/kernels.js, a site file like any script). The token permits compiling and instantiating
 * WebAssembly, nothing else: no {@code eval}, no {@code new Function}, no script the rest of the policy refuses.
 */
public final class ContentPolicy {
    /** What the layout writes where the policy goes; {@link #seal} replaces it. */
    public static final String PLACEHOLDER = "attoscope-content-security-policy";
    /** The directive serve relaxes so its live-reload script can hold its event stream. */
    static final String NO_CONNECTIONS = "connect-src 'none'";
    /** The pages that compile WebAssembly: the playground, whose dense products run in kernels.wasm. */
    static final Set<String> COMPILE_WEBASSEMBLY = Set.of(Addresses.PLAYGROUND);
    static final String WEBASSEMBLY = "'wasm-unsafe-eval'";

    /** An inline script is an opening tag, then everything up to the first closing tag. */
    private static final Pattern SCRIPT_OPEN = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_CLOSE = Pattern.compile("</script\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE = Pattern.compile("\\btype\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\bsrc\\s*=", Pattern.CASE_INSENSITIVE);

    private ContentPolicy() {
    }

    /**
     * The page at site path {@code path} with its policy in place of {@link #PLACEHOLDER}; a page without the
     * placeholder is returned as it is.
     */
    public static String seal(String html, String path) {
        if (!html.contains(PLACEHOLDER)) {
            return html;
        }
        return html.replace(PLACEHOLDER, policy(inlineScriptHashes(html), COMPILE_WEBASSEMBLY.contains(path)));
    }

    /**
     * The policy for a page whose inline scripts hash to {@code hashes} ({@code sha256-BASE64}) and that may compile
     * WebAssembly or not.
     */
    static String policy(Set<String> hashes, boolean webAssembly) {
        StringBuilder script = new StringBuilder("script-src 'self'");
        if (webAssembly) {
            script.append(' ').append(WEBASSEMBLY);
        }
        hashes.forEach(h -> script.append(" '").append(h).append('\''));
        List<String> directives = List.of("default-src 'none'", script.toString(), "style-src 'self'", "style-src-attr 'unsafe-inline'",
                "img-src 'self' data:", "font-src 'self'", NO_CONNECTIONS, "media-src 'none'", "object-src 'none'", "frame-src 'none'",
                "worker-src 'none'", "manifest-src 'none'", "form-action 'none'", "base-uri 'none'");
        return String.join("; ", directives);
    }

    /**
     * The page as serve sends it: its live-reload script may connect back to the server it came from, and the
     * playground's "save as a story" form may post to it (into its empty frame); nowhere else.
     */
    public static String allowingLiveReload(String html) {
        return html.replace(NO_CONNECTIONS, "connect-src 'self'").replace("frame-src 'none'", "frame-src 'self'")
                .replace("form-action 'none'", "form-action 'self'");
    }

    /** The sha256 of every inline script a browser runs (not data blocks such as {@code application/json}), in page order. */
    static Set<String> inlineScriptHashes(String html) {
        Set<String> out = new LinkedHashSet<>();
        Matcher open = SCRIPT_OPEN.matcher(html);
        Matcher close = SCRIPT_CLOSE.matcher(html);
        int at = 0;
        while (true) {
            int start = tag(open, html, "<script", at);
            int end = start < 0 ? -1 : tag(close, html, "</script", open.end());
            if (end < 0) {
                return out; // a script never closed is no script a browser runs, nor is anything after it
            }
            String attributes = open.group(1);
            if (!SRC.matcher(attributes).find() && isCode(typeOf(attributes))) {
                out.add(hash(html.substring(open.end(), end)));
            }
            at = close.end();
        }
    }

    /**
     * Where {@code tag} (matched at that place) first starts at or after {@code from}, or -1. Found by its opening
     * {@code <} and name, as fast as indexOf, since the pages are hundreds of kilobytes of figures and data; the
     * pattern decides at each candidate, so matches are exactly the pattern's.
     */
    private static int tag(Matcher tag, String html, String name, int from) {
        for (int i = html.indexOf('<', from); i >= 0; i = html.indexOf('<', i + 1)) {
            if (html.regionMatches(true, i, name, 0, name.length()) && tag.region(i, html.length()).lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    private static String typeOf(String attributes) {
        Matcher t = TYPE.matcher(attributes);
        if (!t.find()) {
            return "";
        }
        return t.group(2) != null ? t.group(2) : t.group(3) != null ? t.group(3) : t.group(4);
    }

    private static boolean isCode(String type) {
        String t = type.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.equals("module") || t.equals("text/javascript") || t.equals("application/javascript");
    }

    static String hash(String scriptText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(scriptText.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static List<String> directives(String policy) {
        List<String> out = new ArrayList<>();
        for (String d : policy.split(";")) {
            if (!d.isBlank()) {
                out.add(d.strip());
            }
        }
        return out;
    }
}
