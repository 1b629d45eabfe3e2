package org.attoscope.verify;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One page's check, its outcome taken from the verification cache ({@link VerifiedPages}) when the page's bytes and
 * the inputs its check reads are those of a clean earlier check, and each new clean outcome kept there with what its
 * check read ({@link PageInputs}).
 */
final class CachedPageCheck {
    private final BuiltSite site;
    private final PageCheck pageCheck;
    private final AuditedStories stories;
    /** The cache, or null to check every page afresh. */
    private final VerifiedPages verified;
    private final AtomicInteger fromCache = new AtomicInteger();

    CachedPageCheck(BuiltSite site, PageCheck pageCheck, AuditedStories stories, VerifiedPages verified) {
        this.site = site;
        this.pageCheck = pageCheck;
        this.stories = stories;
        this.verified = verified;
    }

    /** The page's outcome, from the cache or checked afresh. */
    PageOutcome check(String path) {
        return check(path, false);
    }

    /**
     * As {@link #check(String)} while the build is still writing the site, or null when the page is better checked
     * once it is all written: its entry would be taken but for a file the build has not written yet
     * ({@link VerifiedPages.Lookup#awaitsWrites}).
     */
    PageOutcome early(String path) {
        return check(path, true);
    }

    private PageOutcome check(String path, boolean early) {
        if (verified == null) {
            pageCheck.prepare();
            return pageCheck.check(path);
        }
        byte[] page = site.read(path);
        String key = verified.key(path, page);
        VerifiedPages.Lookup kept = verified.find(key, path);
        if (kept.outcome() != null) {
            // the story runs counted for this page will not be asked for, so they are let go as if it had asked
            Map<String, Integer> asks = new HashMap<>();
            StoryUses.count(new String(page, StandardCharsets.UTF_8), asks);
            asks.forEach((slug, n) -> {
                for (int i = 0; i < n; i++) {
                    stories.skip(slug);
                }
            });
            fromCache.incrementAndGet();
            return kept.outcome();
        }
        if (early && kept.awaitsWrites()) {
            return null;
        }
        pageCheck.prepare();
        PageInputs reads = new PageInputs();
        PageOutcome outcome = stories.recording(reads.stories(), () -> pageCheck.check(path, reads));
        verified.keep(key, outcome, reads);
        return outcome;
    }

    /** How many outcomes so far came from the cache. */
    int fromCache() {
        return fromCache.get();
    }
}
