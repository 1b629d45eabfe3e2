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
}
