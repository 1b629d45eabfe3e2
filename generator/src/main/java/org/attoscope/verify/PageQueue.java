package org.attoscope.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.attoscope.util.WorkerPool;

/**
 * The pages of one verification, checked on the verifier's own threads: each page the build names as written is
 * checked at once, while the build renders the others ({@link #written}); {@link #outcomes} checks the rest when every
 * page is in.
 */
final class PageQueue implements AutoCloseable {
    /** How many finished runs the early start keeps for asks counted after their story's pages were checked. */
    private static final int SPARE_RUNS = 16;

    private final BuiltSite site;
    private final CachedPageCheck check;
    private final AuditedStories stories;
    private final WorkerPool pool;
    /** Pages checked (or being checked) as they were written; guarded by {@code this}. */
    private final Map<String, Supplier<PageOutcome>> early = new HashMap<>();

    PageQueue(BuiltSite site, CachedPageCheck check, AuditedStories stories, int threads) {
        this.site = site;
        this.check = check;
        this.stories = stories;
        this.pool = new WorkerPool("attoscope-verify", threads);
    }

    /**
     * The build will not change {@code path} again: count the story runs its check will ask for, and check it now
     * (or, when its cache entry waits for a file the build writes later, once every file is in).
     */
    synchronized void written(String path) {
        if (!BuiltSite.isPage(path) || early.containsKey(path)) {
            return;
        }
        stories.keepSpares(SPARE_RUNS);
        Map<String, Integer> asks = new HashMap<>();
        StoryUses.count(new String(site.read(path), StandardCharsets.UTF_8), asks);
        stories.expectMore(asks);
        early.put(path, pool.submit(() -> check.early(path)));
    }

    /** Every page's outcome, the pages not yet named or whose early check waited checked now, in the site's order. */
    List<PageOutcome> outcomes() {
        List<String> paths = site.pages();
        Map<String, Supplier<PageOutcome>> checking;
        synchronized (this) {
            checking = new HashMap<>(early);
        }
        List<String> rest = paths.stream().filter(p -> !checking.containsKey(p)).toList();
        stories.expectMore(StoryUses.of(site, rest));
        Map<String, PageOutcome> outcomes = new HashMap<>();
        all(rest).forEach(p -> outcomes.put(p.path(), p));
        // the pages whose early check waited for files written later: the runs they ask for were counted when named
        List<String> waited = paths.stream().filter(p -> checking.containsKey(p) && checking.get(p).get() == null).toList();
        all(waited).forEach(p -> outcomes.put(p.path(), p));
        // in the site's order, whichever finished first, so the report and findings are the same every run
        List<PageOutcome> pages = new ArrayList<>();
        for (String path : paths) {
            PageOutcome p = outcomes.containsKey(path) ? outcomes.get(path) : checking.get(path).get();
            if (!outcomes.containsKey(path) && !p.findings().isEmpty()) {
                // Checked while the build was still writing: what it lacked may have been written since (a
                // section's script after its page, an explorer after a page citing its story). A file written
                // later can only clear a finding, never make one, so only these are checked again.
                p = check.check(path);
            }
            pages.add(p);
        }
        return pages;
    }

    private List<PageOutcome> all(List<String> paths) {
        return pool.all(paths.stream().map(path -> (Callable<PageOutcome>) () -> check.check(path)).toList());
    }

    /** Stops the checks still running (a build that failed before every page was in). */
    @Override
    public void close() {
        pool.close();
    }
}
