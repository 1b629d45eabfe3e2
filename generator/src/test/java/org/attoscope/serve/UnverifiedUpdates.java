package org.attoscope.serve;

import java.nio.file.Path;
import org.attoscope.pages.PageRenderer;
import org.attoscope.pages.SiteVerifier;

/**
 * What these specs give a live site for a verifier: serve's updates are not verified, yet the footers must link
 * the report as a verified build's do, so that served pages can be compared byte for byte with a build's.
 */
final class UnverifiedUpdates implements SiteVerifier {
    @Override
    public Verified verify(Path stagedSite, PageRenderer pages) {
        return Verified.NOTHING;
    }

    @Override
    public String reportPage() {
        return "verification/index.html";
    }
}
