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

    PageOutcome check(String path) {
        if (verified == null) {
            return pageCheck.check(path);
        }
        byte[] page = site.read(path);
        String key = verified.key(path, page);
        PageOutcome kept = verified.find(key, path);
        if (kept != null) {
            // the story runs counted for this page will not be asked for, so they are let go as if it had asked
            Map<String, Integer> asks = new HashMap<>();
            StoryUses.count(new String(page, StandardCharsets.UTF_8), asks);
            asks.forEach((slug, n) -> {
                for (int i = 0; i < n; i++) {
                    stories.skip(slug);
                }
            });
            fromCache.incrementAndGet();
            return kept;
        }
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
