package org.attoscope.pages;

import java.nio.file.Path;

/**
 * The last check before a build is published: it reads the finished site in its staging folder and throws
 * {@link org.attoscope.InputException} on any finding, which abandons the build and leaves the old site in place.
 */
@FunctionalInterface
public interface SiteVerifier {
    /**
     * What a clean verification covered, for the build's summary.
     *
     * @param cachedPages pages whose outcome came from the verification cache, unchanged since a clean check
     */
    record Verified(int figures, int cells, int cachedPages) {
        public static final Verified NOTHING = new Verified(0, 0, 0);
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

    /**
     * One build's verification, begun while the build is still writing: the build names each file once it is final
     * in the staged folder, and the verifier may check it on its own threads while the build renders the rest;
     * {@link #finish} checks what is left and answers as {@link SiteVerifier#verify} does.
     */
    interface Run extends AutoCloseable {
        /** {@code path} (from the site root) is written and will not change again in this build. */
        void written(String path);

        /** Every file is written: the rest of the verification, throwing on any finding. */
        Verified finish();

        /** Stops any check still running (a build that failed before {@link #finish}). */
        @Override
        void close();
    }

    /**
     * Starts verifying {@code stagedSite} before the build has written all of it. The default checks nothing early
     * and runs {@link #verify} when the build finishes.
     */
    default Run start(Path stagedSite, PageRenderer pages) {
        return new Run() {
            @Override
            public void written(String path) {
            }

            @Override
            public Verified finish() {
                return verify(stagedSite, pages);
            }

            @Override
            public void close() {
            }
        };
    }
}
