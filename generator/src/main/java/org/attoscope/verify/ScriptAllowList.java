package org.attoscope.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.attoscope.pages.Addresses;
import org.attoscope.util.Sha256;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page may run and load, as an allow-list rather than a list of known-bad patterns: anything not allowed
 * here is a finding.
 *
 * <ul>
 *   <li>a strict Content-Security-Policy meta tag, first in the head: {@code default-src 'none'}; scripts only from
 *       the site's files ({@code 'self'}) and the sha256 of this page's own inline scripts, each of which it lists
 *       and no other; styles only from the site's files; no connection anywhere ({@code connect-src 'none'}); no
 *       {@code 'unsafe-inline'} scripts, {@code 'unsafe-eval'}, hosts or schemes but {@code data:} images; on the
 *       playground alone, {@code 'wasm-unsafe-eval'} in {@code script-src} (it compiles its WebAssembly kernels; the
 *       token allows that and no JavaScript eval), on every other page not even that;</li>
 *   <li>every script element is either a JSON data block or code; code from a file must be a file the build wrote,
 *       byte for byte ({@link ShippedFiles}), so text appended to a shipped script is caught by its hash; the same for
 *       style sheets; no {@code <style>} elements;</li>
 *   <li>no inline event handler ({@code on*=}), no {@code javascript:} URL in any attribute;</li>
 *   <li>no element that loads or navigates by itself: {@code base}, {@code meta http-equiv} other than the policy
 *       and content type (a refresh), {@code object}, {@code embed}, {@code applet}, frames, {@code portal}; no
 *       {@code link} but style sheets, the canonical address and icons; SVG {@code use} only of the page's own
 *       fragments; forms submit nowhere.</li>
 * </ul>
 * Links and the URLs of images and CSS are resolved by {@link LinkCheck}: nothing may load from outside the site.
 */
final class ScriptAllowList {
    static final String CSP = "content-security-policy";
    private static final Set<String> FORBIDDEN = Set.of("base", "object", "embed", "applet", "iframe", "frame", "frameset", "portal", "style");
    private static final Set<String> DATA_TYPES = Set.of("application/json", "application/ld+json", "importmap-never");
    private static final Set<String> LINK_RELS = Set.of("stylesheet", "canonical", "icon");
    private static final Set<String> ONLY_SELF = Set.of("'self'");
    /** Lets a page compile WebAssembly (and no JavaScript from strings); only {@link #COMPILES_WEBASSEMBLY} may. */
    private static final String WEBASSEMBLY = "'wasm-unsafe-eval'";
    /** The page whose dense products run in WebAssembly (FORMATS.md section 7's playground). */
    private static final String COMPILES_WEBASSEMBLY = Addresses.PLAYGROUND;

    /** What {@link #input} says of a target that is not a file of the site. */
    static final String ABSENT = "none";

    private final ShippedFiles shipped;
    private final BuiltSite site;
    private final HostedNotFound notFound;

    ScriptAllowList(BuiltSite site, ShippedFiles shipped) {
        this(site, shipped, null);
    }

    /** @param baseUrl the site's address from site.json, or null: its 404 page names files by path ({@link HostedNotFound}) */
    ScriptAllowList(BuiltSite site, ShippedFiles shipped, String baseUrl) {
        this.site = site;
        this.shipped = shipped;
        this.notFound = new HostedNotFound(baseUrl);
    }

    List<Finding> check(String file, String path, Document page) {
        return check(file, path, page, new PageInputs());
    }

    /**
     * As {@link #check(String, String, Document)}, recording in {@code reads} every file of the site the verdicts
     * read (each script and style sheet the page loads), for the verification cache.
     */
    List<Finding> check(String file, String path, Document page, PageInputs reads) {
        List<Finding> out = new ArrayList<>();
        Set<String> inlineHashes = new HashSet<>();
        for (Element e : page.getAllElements()) {
            String tag = e.normalName();
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    out.add(Finding.of(file, "<" + tag + " " + a.getKey() + "> is an inline event handler; the site runs only the scripts the build wrote"));
                }
                String value = a.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
                if (value.startsWith("javascript:") || value.startsWith("vbscript:")) {
                    out.add(Finding.of(file, "<" + tag + " " + a.getKey() + "> holds a " + value.substring(0, value.indexOf(':') + 1) + " URL, which runs script"));
                }
            }
            boolean emptyFrame = tag.equals("iframe") && !e.hasAttr("src") && !e.hasAttr("srcdoc"); // a form's target under serve; loads nothing
            if (FORBIDDEN.contains(tag) && !emptyFrame) {
                out.add(Finding.of(file, "a <" + tag + "> element; it " + (tag.equals("style") ? "styles the page with CSS the build did not ship as a file"
                        : tag.equals("base") ? "changes where every relative link points" : "loads content of its own") + "; remove it"));
            }
            switch (tag) {
                case "script" -> script(file, path, e, out, inlineHashes, reads);
                case "link" -> link(file, path, e, out, reads);
                case "meta" -> meta(file, e, out);
                case "use" -> {
                    String href = e.hasAttr("href") ? e.attr("href") : e.attr("xlink:href");
                    if (!href.startsWith("#")) {
                        out.add(Finding.of(file, "<use href=\"" + href + "\"> draws from another document; use only this page's own #fragments"));
                    }
                }
                case "form" -> {
                    if (!e.attr("action").isEmpty()) {
                        out.add(Finding.of(file, "<form action=\"" + e.attr("action") + "\"> submits somewhere; the site's forms submit nowhere"));
                    }
                }
                default -> {
                    if (e.hasAttr("formaction")) {
                        out.add(Finding.of(file, "<" + tag + " formaction> submits somewhere; the site's forms submit nowhere"));
                    }
                }
            }
        }
        out.addAll(policy(file, path, page, inlineHashes));
        return out;
    }

    private void script(String file, String path, Element e, List<Finding> out, Set<String> inlineHashes, PageInputs reads) {
        String type = e.attr("type").strip().toLowerCase(Locale.ROOT);
        boolean code = ScriptCheck.isCode(type);
        if (!code) {
            if (!DATA_TYPES.contains(type)) {
                out.add(Finding.of(file, "<script type=\"" + type + "\">: a script is JavaScript the build wrote or a JSON data block"));
            } else if (e.hasAttr("src")) {
                out.add(Finding.of(file, "<script type=\"" + type + "\" src>: data is embedded in the page, never fetched"));
            }
            return;
        }
        if (!e.hasAttr("src")) {
            inlineHashes.add(hash(e.data()));
            return;
        }
        String target = local(path, e.attr("src"));
        Found found = loaded(target, reads);
        if (!found.file()) {
            out.add(Finding.of(file, "<script src=\"" + e.attr("src") + "\"> is not a script the build wrote into the site"));
        } else if (!found.shipped()) {
            out.add(Finding.of(file, "<script src=\"" + e.attr("src") + "\">: " + site.name(target)
                    + " is not byte for byte the script the build wrote (its sha256 differs from the build's record)"));
        }
    }

    private void link(String file, String path, Element e, List<Finding> out, PageInputs reads) {
        String rel = e.attr("rel").strip().toLowerCase(Locale.ROOT);
        if (!LINK_RELS.contains(rel)) {
            out.add(Finding.of(file, "<link rel=\"" + rel + "\">: only style sheets, the canonical address and icons are linked; this one may load or connect"));
            return;
        }
        if (!rel.equals("stylesheet")) {
            return; // canonical is never loaded; an icon's URL is resolved by LinkCheck
        }
        String target = local(path, e.attr("href"));
        Found found = loaded(target, reads);
        if (!found.file()) {
            out.add(Finding.of(file, "<link rel=\"stylesheet\" href=\"" + e.attr("href") + "\"> is not a style sheet the build wrote into the site"));
        } else if (!found.shipped()) {
            out.add(Finding.of(file, "<link rel=\"stylesheet\">: " + site.name(target) + " is not byte for byte the style sheet the build wrote"));
        }
    }

    private static void meta(String file, Element e, List<Finding> out) {
        String equiv = e.attr("http-equiv").strip().toLowerCase(Locale.ROOT);
        if (!equiv.isEmpty() && !equiv.equals(CSP) && !equiv.equals("content-type")) {
            out.add(Finding.of(file, "<meta http-equiv=\"" + equiv + "\">" + (equiv.equals("refresh") ? " navigates the page by itself" : " changes how the page behaves")
                    + "; only the Content-Security-Policy is set this way"));
        }
    }

    private static List<Finding> policy(String file, String path, Document page, Set<String> inlineHashes) {
        List<Finding> out = new ArrayList<>();
        List<Element> metas = page.select("meta[http-equiv]").stream().filter(m -> m.attr("http-equiv").equalsIgnoreCase(CSP)).toList();
        if (metas.size() != 1) {
            out.add(Finding.of(file, metas.isEmpty() ? "no Content-Security-Policy: the browser would run and load whatever the page names"
                    : metas.size() + " Content-Security-Policy meta tags; the page has one, made by the build"));
            return out;
        }
        Element meta = metas.get(0);
        Element first = page.head().children().stream().filter(c -> !c.normalName().equals("meta") || !c.hasAttr("charset")).findFirst().orElse(null);
        if (meta != first) {
            out.add(Finding.of(file, "the Content-Security-Policy is not the first thing in <head>; what comes before it is not covered"));
        }
        Map<String, List<String>> d = new LinkedHashMap<>();
        for (String directive : meta.attr("content").split(";")) {
            List<String> tokens = List.of(directive.strip().split("\\s+"));
            if (!tokens.get(0).isEmpty()) {
                d.putIfAbsent(tokens.get(0).toLowerCase(Locale.ROOT), tokens.subList(1, tokens.size()));
            }
        }
        if (!List.of("'none'").equals(d.get("default-src"))) {
            out.add(Finding.of(file, "the Content-Security-Policy does not start from default-src 'none'"));
        }
        if (d.containsKey("connect-src") && !List.of("'none'").equals(d.get("connect-src"))) {
            out.add(Finding.of(file, "the Content-Security-Policy allows connections (connect-src " + String.join(" ", d.get("connect-src")) + ")"));
        }
        Set<String> listed = new HashSet<>();
        for (String token : d.getOrDefault("script-src", List.of())) {
            if (token.startsWith("'sha256-") && token.endsWith("'")) {
                listed.add(token.substring(1, token.length() - 1));
            } else if (token.equalsIgnoreCase(WEBASSEMBLY)) {
                if (!path.equals(COMPILES_WEBASSEMBLY)) {
                    out.add(Finding.of(file, "the Content-Security-Policy lets this page compile WebAssembly (" + token + " in script-src); only the playground ("
                            + COMPILES_WEBASSEMBLY + ") may"));
                }
            } else if (!ONLY_SELF.contains(token)) {
                out.add(Finding.of(file, "the Content-Security-Policy lets scripts come from " + token + "; only the site's files and hashed inline scripts may run"));
            }
        }
        for (String token : d.getOrDefault("style-src", List.of())) {
            if (!ONLY_SELF.contains(token)) {
                out.add(Finding.of(file, "the Content-Security-Policy lets styles come from " + token));
            }
        }
        for (Map.Entry<String, List<String>> e : d.entrySet()) {
            for (String token : e.getValue()) {
                String t = token.toLowerCase(Locale.ROOT);
                boolean allowed = (t.equals("'unsafe-inline'") && e.getKey().equals("style-src-attr")) || (t.equals("data:") && e.getKey().equals("img-src"))
                        || (t.equals(WEBASSEMBLY) && e.getKey().equals("script-src")); // judged above, by page
                if (!allowed && (t.equals("*") || t.contains("unsafe-") || t.equals("'strict-dynamic'") || t.endsWith(":") || t.contains("://") || t.contains("*"))) {
                    out.add(Finding.of(file, "the Content-Security-Policy allows " + token + " in " + e.getKey()));
                }
            }
        }
        for (String h : inlineHashes) {
            if (!listed.contains(h)) {
                out.add(Finding.of(file, "an inline script whose hash (" + h + ") the Content-Security-Policy does not list: the browser would refuse to run it"));
            }
        }
        for (String h : listed) {
            if (!inlineHashes.contains(h)) {
                out.add(Finding.of(file, "the Content-Security-Policy allows a script (" + h + ") that is not on the page; it allows only the page's own"));
            }
        }
        return out;
    }

    /** The site path a relative URL of page {@code path} names, or null when it is not a plain relative URL inside the site. */
    private String local(String path, String url) {
        String fromRoot = notFound.fromRoot(path, url.strip());
        String u = fromRoot != null ? fromRoot : url.strip();
        if (u.isEmpty() || u.startsWith("/") || u.startsWith("\\") || u.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return null;
        }
        int cut = u.indexOf('?') >= 0 ? u.indexOf('?') : u.indexOf('#');
        if (cut >= 0) {
            u = u.substring(0, cut);
        }
        java.nio.file.Path from = java.nio.file.Path.of(path).getParent();
        java.nio.file.Path resolved = (from == null ? java.nio.file.Path.of(u) : from.resolve(u)).normalize();
        String s = resolved.toString().replace('\\', '/');
        return s.startsWith("..") || s.isEmpty() ? null : s;
    }

    /**
     * Everything this list's verdict on a script or style sheet at {@code target} reads: whether it is a file, its
     * bytes (by sha256), and whether the build wrote it so (for a published site, the sha256 its record lists). The
     * staged verdict needs only the first, but a page is keyed by the bytes of what it loads all the same, so an
     * edited script or style makes every page loading it checked again.
     */
    String input(String target) {
        return find(target).input();
    }

    /**
     * A script or style sheet as a page's check finds it: whether it is a file, whether the build wrote it so, and what
     * {@link #input} says of it. The file is read once for all three.
     */
    private record Found(boolean file, boolean shipped, String input) {
        static final Found NOTHING = new Found(false, false, ABSENT);
    }

    private Found find(String target) {
        if (!isFile(target)) {
            return Found.NOTHING;
        }
        byte[] bytes = site.read(target);
        boolean wrote = shipped.wrote(target, bytes);
        return new Found(true, wrote, Sha256.hex(bytes) + (wrote ? " shipped" : " not shipped"));
    }

    /** {@link #find} for a URL the page loads, resolved to {@code target} (null when it leaves the site), recorded in {@code reads}. */
    private Found loaded(String target, PageInputs reads) {
        if (target == null) {
            return Found.NOTHING;
        }
        Found found = find(target);
        reads.file(target, found.input());
        return found;
    }

    private boolean isFile(String target) {
        return java.nio.file.Files.isRegularFile(site.resolve(target));
    }

    static String hash(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
