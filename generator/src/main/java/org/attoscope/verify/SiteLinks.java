package org.attoscope.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The link check over the whole site ({@link LinkCheck}). It runs twice: once to count each page's links for the
 * report, before the report exists, and once more to resolve every link, the report's included, against the files
 * as they are when the report is written.
 */
final class SiteLinks {
    private final BuiltSite site;
    private final String baseUrl;

    /** @param baseUrl the site's own address from site.json, or null */
    SiteLinks(BuiltSite site, String baseUrl) {
        this.site = site;
        this.baseUrl = baseUrl;
    }

    /** Counts the links of {@code pages} with the report's files taken as present; its findings are not the final ones. */
    LinkCheck beforeReport(List<PageOutcome> pages) {
        return new LinkCheck(site, anchors(pages), baseUrl, Set.copyOf(ReportPage.files()));
    }

    /**
     * Every link of every page and every {@code url()} of the style sheets.
     *
     * @param pages every page, the report's included
     */
    List<Finding> check(List<PageOutcome> pages, List<Reference> cssReferences) {
        LinkCheck links = new LinkCheck(site, anchors(pages), baseUrl, Set.of());
        List<Finding> out = new ArrayList<>();
        for (PageOutcome p : pages) {
            out.addAll(links.check(site.name(p.path()), p.references()).findings());
        }
        out.addAll(links.check(site.display() + " style sheets", cssReferences).findings());
        return out;
    }

    private static Map<String, Set<String>> anchors(List<PageOutcome> pages) {
        Map<String, Set<String>> anchors = new HashMap<>();
        pages.forEach(p -> anchors.put(p.path(), p.anchors()));
        return anchors;
    }
}
