package org.attoscope.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.FutureTask;
import java.util.function.IntFunction;
import org.attoscope.content.Story;
import org.attoscope.content.StoryLibrary;
import org.attoscope.model.Encoding;
import org.attoscope.model.ModelBundle;
import org.attoscope.util.Json;
import org.attoscope.util.Sha256;
import org.attoscope.verify.audit.PlainForward;
import org.attoscope.verify.audit.PlainPoint;
import org.attoscope.verify.audit.PointsAudit;

/**
 * Every story of the content folder, read by the verifier's own rules and run through its own forward pass
 * ({@link PlainForward}), never the engine, the tracer or the explorer's excerpt code: what explorer pages and
 * engine figures are compared with. Each story runs once, on first use, on whichever verifier thread asks first;
 * when its explorer page carries section 3.1 {@code explain} data, the run explains exactly that page's targets.
 *
 * <p>A run is kept only while a page that will ask for it is still unchecked ({@link StoryUses} counts the asks
 * before the pages are checked): the last ask hands the run over and forgets it, so a site's runs are never all in
 * memory at once (a 512-token story's run with explain data is about 3 MB; kept for the whole check, a 1,000-story
 * site needed 4 GB). An ask nobody counted runs the story again, with the same result.
 */
final class AuditedStories {
    /**
     * The explorer's documented rule (FORMATS.md section 5 and the page's own note): a page explores at most the
     * first 512 tokens, {@code <bos>} included, of its story.
     */
    static final int EXCERPT_TOKENS = 512;

    /**
     * One story as the verifier reads it.
     *
     * @param story  the story file
     * @param text   the text its explorer covers (the whole story, or its first {@link #EXCERPT_TOKENS} tokens)
     * @param ids    that text's token ids
     * @param points the independent forward pass at every position
     * @param sha256 sha256 of {@code text}, naming what the pass ran on in the report
     */
    record Audited(Story story, String text, int[] ids, List<PlainPoint> points, String sha256) {
    }

    private final Map<String, Story> stories = new LinkedHashMap<>();
    /** Runs still to be asked for, and how many asks each has left; both guarded by {@code this}. */
    private final Map<String, FutureTask<Audited>> runs = new HashMap<>();
    private final Map<String, Integer> asksLeft = new HashMap<>();
    /** Runs whose counted asks are used, newest last, at most {@link #spareRuns}; guarded by {@code this}. */
    private final LinkedHashMap<String, FutureTask<Audited>> spares = new LinkedHashMap<>();
    private int spareRuns;
    /** The stories the page check on this thread has asked for, while {@link #recording} watches it. */
    private final ThreadLocal<List<String>> asking = new ThreadLocal<>();
    private final ModelBundle bundle;
    private final PlainForward plain;
    private final PointsAudit audit;
    private final BuiltSite site;
    private final int topn;
    private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger passes = new java.util.concurrent.atomic.AtomicInteger();

    AuditedStories(Path content, ModelBundle bundle, PlainForward plain, BuiltSite site, int topn) {
        StoryLibrary.load(content).forEach(s -> stories.put(s.slug(), s));
        this.bundle = bundle;
        this.plain = plain;
        this.audit = new PointsAudit(plain, bundle.tokenizer()::word, bundle.config().topkAttn());
        this.site = site;
        this.topn = topn;
    }

    /** How many times each story's run will be asked for ({@link StoryUses}); until then every ask runs afresh. */
    synchronized void expect(Map<String, Integer> asks) {
        asksLeft.clear();
        asksLeft.putAll(asks);
    }

    /**
     * More asks, counted from pages about to be checked while others are still being written (the build's early
     * start): added to those still expected.
     */
    synchronized void expectMore(Map<String, Integer> asks) {
        asks.forEach((slug, n) -> asksLeft.merge(slug, n, Integer::sum));
    }

    /**
     * Keeps up to {@code runs} of the runs whose counted asks are all used, newest kept, for asks counted later: when
     * pages are checked as the build writes them, a lesson citing a story is counted only after the story's explorer
     * page has been checked, and without these it would run the story again. Bounded, so memory stays that of a few
     * runs whatever the site's size.
     */
    synchronized void keepSpares(int runs) {
        spareRuns = runs;
    }

    /** The stories whose runs are kept now, sorted: those asked for and not yet by their last user. */
    synchronized Set<String> kept() {
        return new TreeSet<>(runs.keySet());
    }

    Set<String> slugs() {
        return stories.keySet();
    }

    PointsAudit audit() {
        return audit;
    }

    int topn() {
        return topn;
    }

    /** How many forward passes have run: one per story when every ask was counted. */
    int passes() {
        return passes.get();
    }

    /** Time spent in the forward pass, summed over threads. */
    long millis() {
        return nanos.get() / 1_000_000;
    }

    /** The story's audited run, or null when the content has no such story. */
    Audited get(String slug) {
        return get(slug, null);
    }

    /**
     * As {@link #get(String)}, from the check of the story's own explorer page, which has already parsed the points
     * it embeds: {@code explorerPoints} tells the run which targets to explain, so the page's (large) JSON is not read
     * and parsed a second time. Null to read them from the explorer page on disk.
     */
    Audited get(String slug, JsonNode explorerPoints) {
        List<String> asked = asking.get();
        if (asked != null) {
            asked.add(slug);
        }
        Story story = stories.get(slug);
        if (story == null) {
            return null;
        }
        FutureTask<Audited> task = take(slug, story, explorerPoints);
        task.run(); // runs once; any other caller waits in get()
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Runs {@code check} on this thread, adding to {@code asked} the slug of every story it asks for: what the
     * verification cache keys an outcome by besides the page's own bytes.
     */
    <T> T recording(List<String> asked, java.util.function.Supplier<T> check) {
        asking.set(asked);
        try {
            return check.get();
        } finally {
            asking.remove();
        }
    }

    /** A counted ask that will not come (its page's outcome came from the cache): the run is let go at its last. */
    synchronized void skip(String slug) {
        int left = asksLeft.getOrDefault(slug, 0) - 1;
        if (left > 0) {
            asksLeft.put(slug, left);
        } else {
            asksLeft.remove(slug);
            FutureTask<Audited> task = runs.remove(slug);
            if (task != null && spareRuns > 0) {
                spares.put(slug, task);
                while (spares.size() > spareRuns) {
                    spares.remove(spares.keySet().iterator().next());
                }
            }
        }
    }

    /** The story's run, kept for the asks still to come or forgotten when this is its last. */
    private synchronized FutureTask<Audited> take(String slug, Story story, JsonNode explorerPoints) {
        FutureTask<Audited> task = runs.get(slug);
        if (task == null) {
            task = spares.remove(slug);
        }
        if (task == null) {
            task = new FutureTask<>(() -> run(story, explorerPoints));
        }
        int left = asksLeft.getOrDefault(slug, 0) - 1;
        if (left > 0) {
            asksLeft.put(slug, left);
            runs.put(slug, task);
        } else {
            asksLeft.remove(slug);
            runs.remove(slug);
            if (spareRuns > 0) {
                spares.put(slug, task);
                while (spares.size() > spareRuns) {
                    spares.remove(spares.keySet().iterator().next());
                }
            }
        }
        return task;
    }

    private Audited run(Story story, JsonNode explorerPoints) {
        long start = System.nanoTime();
        passes.incrementAndGet();
        try {
            return audit(story, explorerPoints);
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    private Audited audit(Story story, JsonNode explorerPoints) {
        Encoding enc = bundle.tokenizer().encode(story.text());
        String text = story.text();
        int n = enc.size();
        if (n > EXCERPT_TOKENS) {
            n = EXCERPT_TOKENS;
            text = text.substring(0, enc.tokens().get(EXCERPT_TOKENS - 1).end());
        }
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = enc.tokens().get(i).id();
        }
        IntFunction<int[]> targets = explorerPoints != null ? audit.targetsOf(explorerPoints) : explainTargets(story.slug());
        List<PlainPoint> points = plain.run(ids, topn + 5, targets);
        return new Audited(story, text, ids, points, Sha256.hex(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The targets the story's explorer page explains, so the run explains the same ones; null when it explains none. */
    private IntFunction<int[]> explainTargets(String slug) {
        Path page = site.resolve("explore/" + slug + "/index.html");
        try {
            if (!Files.isRegularFile(page)) {
                return null;
            }
            String points = PointsScript.in(Files.readString(page));
            if (points == null) {
                return null;
            }
            JsonNode prompt = Json.reader().readTree(points);
            return audit.targetsOf(prompt);
        } catch (java.io.IOException | RuntimeException e) {
            return null; // the page check reports an unreadable page or broken JSON where it finds it
        }
    }
}
