package org.attoscope.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One page's check, its outcome taken from the verification cache ({@link VerifiedPages}) when the page's bytes and
 * the inputs its check reads are those of a clean earlier check, and each new clean outcome kept there.
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
        String key = verified.key(path, site.read(path));
        PageOutcome kept = verified.find(key);
        if (kept != null) {
            // the story runs counted for this page will not be asked for, so they are let go as if it had asked
            Map<String, Integer> asks = new HashMap<>();
            StoryUses.count(new String(site.read(path), StandardCharsets.UTF_8), asks);
            asks.forEach((slug, n) -> {
                for (int i = 0; i < n; i++) {
                    stories.skip(slug);
                }
            });
            fromCache.incrementAndGet();
            return kept;
        }
        List<String> asked = new ArrayList<>();
        PageOutcome outcome = stories.recording(asked, () -> pageCheck.check(path));
        verified.keep(key, outcome, asked);
        return outcome;
    }

    /** How many outcomes so far came from the cache. */
    int fromCache() {
        return fromCache.get();
    }
}
