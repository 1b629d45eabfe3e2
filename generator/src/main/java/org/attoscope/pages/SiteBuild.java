package org.attoscope.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.attoscope.InputException;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.ModelBundle;
import org.attoscope.trace.Tracer;
import org.attoscope.util.WorkerPool;

/**
 * One whole-site build: read and check the stories, render the lists, then trace, render and write each story's
 * explorer in turn (the verifier checking each page as it is written), finish verifying the staged site, and only
 * then publish it over the old site.
 *
 * <p>Everything that can fail on the author's input (front matter, vocabulary, templates) fails before the old
 * site is touched; see {@link StagedSite} for how publishing survives interruption. Each story's trace is released
 * as soon as its page is written, so memory stays bounded by the stories in flight (one per worker thread), not
 * by the size of the site.
 */
public final class SiteBuild {
    /** Predictions embedded per point (FORMATS.md section 3's default). */
    public static final int TOP_N = 20;

    /** Where the build reads and writes. */
    public record Folders(Path content, Path templates, Path out) {
    }

    /**
     * What a finished build made.
     *
     * @param figures       SVG figures on the pages ({@code role="img"})
     * @param cellsVerified figure cells the verifier re-derived from their bytes (0 without a verifier)
     * @param cachedPages   pages whose verification came from the verification cache
     * @param millis        wall-clock time of the build
     */
    public record Summary(Path out, int pages, int stories, int points, int unknownWords, int figures, int cellsVerified,
                          int cachedPages, long millis) {
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
        List<ReadStory> stories = List.copyOf(SitePlan.readStories(folders.content(), bundle.tokenizer(), Map.of(), warnings).values());
        SiteRenderer renderer = new SiteRenderer(templates, config, bundle, sections, verifier.reportPage());
        try (StagedSite staged = StagedSite.create(folders.out(), List.of(folders.content(), folders.templates()));
             Tracer tracer = new Tracer(new AttoGpt(bundle), TOP_N, threads, true)) {
            SitePlan plan = SitePlan.of(renderer, config, bundle, figures, sections, stories, r -> trace(tracer, r));
            Output output = new Output(staged.dir());
            plan.fixed().forEach(output::write);
            int points;
            SiteVerifier.Verified verified;
            // The site's assets are written: from here on the verifier checks each page as soon as it is written, on
            // its own threads, while the build renders the others (and, at the end, checks any page whose early
            // check found, or whose cache entry awaited, something the build had not written yet).
            try (SiteVerifier.Run verifying = verifier.start(staged.dir(), renderer)) {
                output.written = verifying::written;
                points = explorers(plan.explorers(), output);
                // After the explorers, whose traces are gone: a section traces again only the stories it shows.
                plan.sections().forEach(output::write);
                plan.publishing().forEach(output::write);
                verified = verifying.finish();
            }
            staged.publish();
            return new Summary(folders.out(), output.pages, stories.size(), points,
                    stories.stream().mapToInt(s -> s.unknownWords().size()).sum(), output.figures, verified.cells(), verified.cachedPages(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Traces, renders and writes every explorer, a story per task on {@code threads} workers (the tracer splits
     * each story's points over as many threads again), so short stories still keep every core busy.
     */
    private int explorers(List<SitePlan.Explorer> explorers, Output output) {
        progress.started(explorers.size(), explorers.stream().mapToInt(e -> e.story().exploredTokens()).sum());
        try (WorkerPool workers = new WorkerPool("attoscope-page", threads)) {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (SitePlan.Explorer e : explorers) {
                tasks.add(() -> {
                    output.write(e.page());
                    progress.storyDone(e.story().story().slug(), e.story().exploredTokens());
                    return e.story().exploredTokens();
                });
            }
            return workers.all(tasks).stream().mapToInt(Integer::intValue).sum();
        } finally {
            progress.finished();
        }
    }

    static TracedStory trace(Tracer tracer, ReadStory read) {
        return TracedStory.of(read, tracer.trace(new Tracer.EncodedPrompt(read.story().slug(), read.explored().text(), read.encoding())));
    }

    /** The staging folder, written by several workers: counts what was written, and maps write errors. */
    private final class Output {
        private final Path dir;
        private final List<String> paths = Collections.synchronizedList(new ArrayList<>());
        private int pages;
        private int figures;
        /** Told each path once its file is complete (the verifier's early start). */
        private volatile Consumer<String> written = path -> { };

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
            written.accept(page.path());
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
