package org.attoscope.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.attoscope.InputException;
import org.attoscope.content.SiteConfig;
import org.attoscope.content.StoryLibrary;
import org.attoscope.content.StoryVocabulary;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.Encoding;
import org.attoscope.model.ModelBundle;
import org.attoscope.trace.PromptTrace;
import org.attoscope.trace.Tracer;

/**
 * One whole-site build: read and check the stories, render the lists, then trace, render and write each story's
 * explorer in turn, verify the staged site, and only then publish it over the old site.
 *
 * <p>Everything that can fail on the author's input (front matter, vocabulary, templates) fails before the old
 * site is touched; see {@link StagedSite} for how publishing survives interruption. Each story's trace is released
 * as soon as its page is written, so memory stays bounded by the stories in flight (one per worker thread), not
 * by the size of the site.
 */
public final class SiteBuild {
    /** Predictions embedded per point (FORMATS.md section 3's default). */
    public static final int TOP_N = 20;
    /** Unknown-word warnings printed per story; a long story of rare words would otherwise flood the terminal. */
    static final int WARNINGS_PER_STORY = 10;

    /** Where the build reads and writes. */
    public record Folders(Path content, Path templates, Path out) {
    }

    /**
     * What a finished build made.
     *
     * @param figures SVG figures on the pages ({@code role="img"})
     * @param millis  wall-clock time of the build
     */
    /** @param cellsVerified figure cells the verifier re-derived from their bytes (0 without a verifier) */
    public record Summary(Path out, int pages, int stories, int points, int unknownWords, int figures, int cellsVerified,
                          long millis) {
    }

    private final Folders folders;
    private final SiteConfig config;
    private final ModelBundle bundle;
    private final PageFigures figures;
    private final SiteVerifier verifier;
    private final Consumer<String> warnings;
    private final int threads;
    private final BuildProgress progress;
    private final PageWriter writer;
    private final List<SiteSection> sections;

    /**
     * @param warnings receives one line per warning (an unknown word), as it is found
     * @param threads  worker threads for the model runs and the page rendering
     */
    public SiteBuild(Folders folders, SiteConfig config, ModelBundle bundle, PageFigures figures, SiteVerifier verifier,
                     Consumer<String> warnings, int threads) {
        this(folders, config, bundle, figures, verifier, warnings, threads, List.of());
    }

    /** @param sections further parts of the site (the lessons), rendered into the same staged folder */
    public SiteBuild(Folders folders, SiteConfig config, ModelBundle bundle, PageFigures figures, SiteVerifier verifier,
                     Consumer<String> warnings, int threads, List<SiteSection> sections) {
        this(folders, config, bundle, figures, verifier, warnings, threads, sections, BuildProgress.NONE, PageWriter.FILES);
    }

    private SiteBuild(Folders folders, SiteConfig config, ModelBundle bundle, PageFigures figures, SiteVerifier verifier,
                      Consumer<String> warnings, int threads, List<SiteSection> sections, BuildProgress progress, PageWriter writer) {
        this.sections = List.copyOf(sections);
        this.folders = folders;
        this.config = config;
        this.bundle = bundle;
        this.figures = figures;
        this.verifier = verifier;
        this.warnings = warnings;
        this.threads = Math.max(1, threads);
        this.progress = progress;
        this.writer = writer;
    }

    /** The same build, reporting its progress to {@code p}. */
    public SiteBuild reportingTo(BuildProgress p) {
        return new SiteBuild(folders, config, bundle, figures, verifier, warnings, threads, sections, p, writer);
    }

    /** The same build, writing files through {@code w} (tests: a disk that fills up). */
    SiteBuild writingWith(PageWriter w) {
        return new SiteBuild(folders, config, bundle, figures, verifier, warnings, threads, sections, progress, w);
    }

    public Summary run() {
        long start = System.nanoTime();
        Templates templates = Templates.open(folders.templates());
        List<ReadStory> stories = read();
        List<StoryEntry> entries = stories.stream().map(ReadStory::entry).toList();
        SiteRenderer renderer = new SiteRenderer(templates, config, bundle, figures, sections, verifier.reportPage());
        try (StagedSite staged = StagedSite.create(folders.out(), List.of(folders.content(), folders.templates()));
             Tracer tracer = new Tracer(new AttoGpt(bundle), TOP_N, threads, true)) {
            Output output = new Output(staged.dir());
            for (PlannedPage page : renderer.fixedPages(entries)) {
                output.write(page);
            }
            int points = explorers(renderer, stories, entries, output, tracer);
            // After the explorers, whose traces are gone: a section traces again only the stories it shows.
            for (PlannedPage page : renderer.sectionPages(new OnDemandTraces(stories, r -> trace(tracer, r)))) {
                output.write(page);
            }
            for (PlannedPage page : renderer.publishing(output.paths())) {
                output.write(page);
            }
            SiteVerifier.Verified verified = verifier.verify(staged.dir(), renderer);
            staged.publish();
            return new Summary(folders.out(), output.pages, stories.size(), points,
                    stories.stream().mapToInt(s -> s.unknownWords().size()).sum(), output.figures, verified.cells(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private List<ReadStory> read() {
        List<ReadStory> out = new ArrayList<>();
        for (var story : StoryLibrary.load(folders.content())) {
            ReadStory read = ReadStory.of(story, bundle.tokenizer());
            List<StoryVocabulary.Warning> w = read.unknownWords();
            w.stream().limit(WARNINGS_PER_STORY).forEach(x -> warnings.accept(x.message()));
            if (w.size() > WARNINGS_PER_STORY) {
                warnings.accept(story.file() + ": " + (w.size() - WARNINGS_PER_STORY) + " more words are not in the vocabulary (read as <unk>).");
            }
            out.add(read);
        }
        return out;
    }

    /**
     * Traces, renders and writes every explorer, a story per task on {@code threads} workers (the tracer splits
     * each story's points over as many threads again), so short stories still keep every core busy.
     */
    private int explorers(SiteRenderer renderer, List<ReadStory> stories, List<StoryEntry> entries, Output output, Tracer tracer) {
        progress.started(stories.size(), stories.stream().mapToInt(ReadStory::exploredTokens).sum());
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "attoscope-page");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < stories.size(); i++) {
                int index = i;
                done.add(workers.submit(() -> {
                    ReadStory read = stories.get(index);
                    output.write(renderer.explorer(read, index > 0 ? entries.get(index - 1) : null,
                            index + 1 < entries.size() ? entries.get(index + 1) : null, r -> trace(tracer, r)));
                    progress.storyDone(read.story().slug(), read.exploredTokens());
                    return read.exploredTokens();
                }));
            }
            int points = 0;
            for (Future<Integer> f : done) {
                points += join(f);
            }
            return points;
        } finally {
            workers.shutdownNow();
            progress.finished();
        }
    }

    static TracedStory trace(Tracer tracer, ReadStory read) {
        Encoding encoding = tracer.engine().tokenizer().encode(read.explored().text());
        PromptTrace trace = tracer.trace(new Tracer.Prompt(read.story().slug(), read.explored().text()));
        return TracedStory.of(read, encoding, trace);
    }

    /** The first failure in story order, so the same broken input always gives the same message. */
    private static int join(Future<Integer> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the build was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The staging folder, written by several workers: counts what was written, and maps write errors. */
    private final class Output {
        private final Path dir;
        private final List<String> paths = Collections.synchronizedList(new ArrayList<>());
        private int pages;
        private int figures;

        Output(Path dir) {
            this.dir = dir;
        }

        void write(PlannedPage page) {
            byte[] bytes = page.render().get();
            try {
                writer.write(dir.resolve(page.path()), bytes);
            } catch (IOException e) {
                throw new InputException(dir, "cannot write the new site (" + page.path() + "): " + e.getMessage() + ".",
                        "check free disk space and permissions; the previous site is unchanged.", e);
            }
            synchronized (this) {
                paths.add(page.path());
                if (page.path().endsWith(".html")) {
                    pages++;
                    figures += FigureCount.in(bytes);
                }
            }
        }

        List<String> paths() {
            synchronized (paths) {
                return List.copyOf(paths);
            }
        }
    }

    /** Counts a page's figures: every SVG figure carries {@code role="img"} (FORMATS.md section 6). */
    static final class FigureCount {
        private static final byte[] MARK = "role=\"img\"".getBytes(StandardCharsets.US_ASCII);

        private FigureCount() {
        }

        static int in(byte[] page) {
            int n = 0;
            outer:
            for (int i = 0; i + MARK.length <= page.length; i++) {
                for (int j = 0; j < MARK.length; j++) {
                    if (page[i + j] != MARK[j]) {
                        continue outer;
                    }
                }
                n++;
            }
            return n;
        }
    }
}
