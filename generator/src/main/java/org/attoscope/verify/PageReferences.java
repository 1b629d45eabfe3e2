package org.attoscope.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Every URL a page names (elements, inline styles) and every anchor it offers (ids, named anchors). */
final class PageReferences {
    /** Attributes whose URL the browser fetches on its own, by element. */
    private static final Map<String, List<String>> LOADING = Map.ofEntries(
            Map.entry("script", List.of("src")), Map.entry("link", List.of("href")), Map.entry("img", List.of("src", "srcset")),
            Map.entry("iframe", List.of("src")), Map.entry("frame", List.of("src")), Map.entry("embed", List.of("src")),
            Map.entry("object", List.of("data")), Map.entry("source", List.of("src", "srcset")), Map.entry("track", List.of("src")),
            Map.entry("video", List.of("src", "poster")), Map.entry("audio", List.of("src")), Map.entry("input", List.of("src")),
            Map.entry("image", List.of("href", "xlink:href")), Map.entry("use", List.of("href", "xlink:href")),
            Map.entry("feimage", List.of("href", "xlink:href")));
    /** Attributes whose URL a reader follows. */
    private static final Map<String, List<String>> FOLLOWED = Map.of(
            "a", List.of("href", "xlink:href"), "area", List.of("href"), "form", List.of("action"),
            "button", List.of("formaction"), "blockquote", List.of("cite"), "q", List.of("cite"));
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)(.*?)\\1\\s*\\)|@import\\s+(['\"])(.*?)\\3", Pattern.CASE_INSENSITIVE);

    private PageReferences() {
    }

    static List<Reference> of(String path, Document page) {
        List<Reference> out = new ArrayList<>();
        for (Element e : page.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("link") && e.attr("rel").equalsIgnoreCase("canonical")) {
                continue; // the page's published address (base_url): absolute by definition, never loaded or followed
            }
            for (String attribute : LOADING.getOrDefault(tag, List.of())) {
                add(out, path, e, attribute, true);
            }
            for (String attribute : FOLLOWED.getOrDefault(tag, List.of())) {
                add(out, path, e, attribute, false);
            }
            if (e.hasAttr("style")) {
                out.addAll(inCss(path, "url() in the style of <" + tag + ">", e.attr("style")));
            }
            if (tag.equals("style")) {
                out.addAll(inCss(path, "url() in <style>", e.data()));
            }
        }
        return out;
    }

    /** The {@code url()} and {@code @import} targets of a style sheet; all of them load. */
    static List<Reference> inCss(String path, String where, String css) {
        List<Reference> out = new ArrayList<>();
        Matcher m = CSS_URL.matcher(css);
        while (m.find()) {
            String url = m.group(2) != null ? m.group(2) : m.group(4);
            out.add(new Reference(path, m.group(2) != null ? where : where.replace("url()", "@import"), url.strip(), true));
        }
        return out;
    }

    /** The fragment targets a page offers: every id, and the names of named anchors. */
    static Set<String> anchors(Document page) {
        Set<String> ids = new LinkedHashSet<>();
        for (Element e : page.select("[id]")) {
            ids.add(e.id());
        }
        for (Element e : page.select("a[name]")) {
            ids.add(e.attr("name"));
        }
        return ids;
    }

    private static void add(List<Reference> out, String path, Element e, String attribute, boolean loads) {
        if (!e.hasAttr(attribute)) {
            return;
        }
        String value = e.attr(attribute);
        String where = "<" + e.normalName() + " " + attribute + ">";
        if (attribute.equals("srcset")) {
            for (String candidate : value.split(",")) {
                String url = candidate.strip().split("\\s+")[0];
                if (!url.isEmpty()) {
                    out.add(new Reference(path, where, url, loads));
                }
            }
        } else {
            out.add(new Reference(path, where, value.strip(), loads));
        }
    }
}
