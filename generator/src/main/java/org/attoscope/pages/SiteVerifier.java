package org.attoscope.pages;

import java.nio.file.Path;

/**
 * The last check before a build is published: it reads the finished site in its staging folder and throws
 * {@link org.attoscope.InputException} on any finding, which abandons the build and leaves the old site in place.
 */
@FunctionalInterface
public interface SiteVerifier {
    /** What a clean verification covered, for the build's summary. */
    record Verified(int figures, int cells) {
        public static final Verified NOTHING = new Verified(0, 0);
    }

    /** Accepts every site without looking at it. */
    SiteVerifier NONE = (staged, pages) -> Verified.NOTHING;

    /**
     * @param stagedSite the complete site, not yet published
     * @param pages      renders a page the verifier adds (its report) in the site's own layout
     */
    Verified verify(Path stagedSite, PageRenderer pages);

    /**
     * The page this verifier writes into the site (its report), as a path from the site root, or null. The layout
     * links it from every page's footer; the verifier writes it before it checks links.
     */
    default String reportPage() {
        return null;
    }
}
