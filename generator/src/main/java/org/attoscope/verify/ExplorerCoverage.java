package org.attoscope.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.attoscope.pages.Addresses;

/** Every story has its explorer page, and every explorer folder belongs to a story. */
final class ExplorerCoverage {
    private ExplorerCoverage() {
    }

    static List<Finding> check(BuiltSite site, Set<String> stories, List<PageOutcome> pages) {
        List<Finding> out = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        pages.forEach(p -> paths.add(p.path()));
        for (String slug : stories) {
            String path = Addresses.explorer(slug);
            if (!paths.contains(path)) {
                out.add(Finding.of(site.name(path), "missing: story " + slug + " has no explorer page"));
            }
        }
        for (PageOutcome p : pages) {
            String slug = Addresses.explorerSlug(p.path()).orElse(null);
            if (slug != null && !stories.contains(slug)) {
                out.add(Finding.of(site.name(p.path()), "an explorer page for story " + slug + ", which the content folder does not have"));
            }
        }
        return out;
    }
}
