package org.attoscope.pages;

import java.nio.file.Path;

/**
 * The last check before a build is published: it reads the finished site in its staging folder and throws
 * {@link org.attoscope.InputException} on any finding, which abandons the build and leaves the old site in place.
 */
@FunctionalInterface
public interface SiteVerifier {
    /** Accepts every site; the build's verification step before {@code attoscope verify} exists. */
    SiteVerifier NONE = staged -> { };

    void verify(Path stagedSite);

    /**
     * The page this verifier writes into the site (its report), as a path from the site root, or null. The layout
     * links it from every page's footer; the verifier writes it before it checks links.
     */
    default String reportPage() {
        return null;
    }
}
