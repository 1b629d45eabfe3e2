package org.attoscope.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.attoscope.InputException;
import org.attoscope.content.SiteConfig;
import org.attoscope.content.Story;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.ModelBundle;
import org.attoscope.trace.PromptTrace;
import org.attoscope.trace.Tracer;
import org.attoscope.util.FileHashes;
import org.attoscope.util.WorkerPool;

/**
 * A site kept warm between builds, for {@code attoscope serve}: the model, every story's trace and every page's
 * inputs stay in memory, and {@link #update()} re-renders only the pages whose inputs changed.
 *
 * <p>An update re-reads all of content/ and templates/ (cheap: files, front matter, tokens) and plans every page
 * with its {@link PlannedPage#inputs() inputs}; only a page whose inputs differ from the last good build's is
 * rendered, and only a story whose explored text changed is traced again. A lesson or story edit thus renders
 * that page and the lists whose entries it changed; a template edit, the pages of that template (all of them for
 * the layout); an asset edit copies that asset. Dependencies are never declared by hand, so none can be missed.
 *
 * <p>Every changed page is rendered into memory first and written only when all rendered, each file by an atomic
 * rename: a broken edit throws and leaves the last good site on disk and in this object untouched. The first
 * build (and the first after a failed first build) goes through {@link StagedSite}, like {@code attoscope build}.
 * Not thread-safe: one caller (the serve loop) updates at a time.
 */
public final class LiveSite implements AutoCloseable {
    /**
     * What one build changed on disk.
     *
     * @param stages where its {@code millis} went
     */
    public record Change(List<String> written, List<String> deleted, int storiesTraced, long millis, Stages stages) {
        public Change {
            written = List.copyOf(written);
            deleted = List.copyOf(deleted);
        }

        public boolean isEmpty() {
            return written.isEmpty() && deleted.isEmpty();
        }
    }

    /**
     * Milliseconds of an update's stages: reading content/ and templates/ (site.json, the templates' bytes, the
     * stories, the sections), planning every page with its inputs, rendering the changed pages (their model runs
     * included), and writing them (with the site's marker).
     */
    public record Stages(double read, double plan, double render, double write) {
    }

    private record TraceKey(String slug, String text) {
    }

    private final SiteBuild.Folders folders;
    private final ModelBundle bundle;
    private final SiteConfig startConfig;
    private final PageFigures figures;
    private final SiteVerifier verifier;
    private final Consumer<String> warnings;
    private final Tracer tracer;
    private final WorkerPool workers;
    private final Function<Path, List<SiteSection>> sections;
    private final ModelFacts facts;
    private final FileHashes assetHashes = new FileHashes();

    private Templates templates;
    private Map<String, List<Object>> published = Map.of();
    /** The site's path on its host, from the base URL of the last site.json a build was made from. */
    private volatile String hostPath;
    private Map<Story, ReadStory> readStories = Map.of();
    private Map<TraceKey, PromptTrace> traces = Map.of();

    /**
     * @param verifier checks the first, complete build before it is published; updates write single pages and
     *                 are not verified (run {@code attoscope build} for that)
     * @param sections reads the site's sections (the lessons) from a content folder, afresh for every update
     */
    public LiveSite(SiteBuild.Folders folders, SiteConfig config, ModelBundle bundle, PageFigures figures, SiteVerifier verifier,
                    Consumer<String> warnings, int threads, Function<Path, List<SiteSection>> sections) {
        this.sections = sections;
        this.folders = folders;
        this.bundle = bundle;
        this.startConfig = config;
        this.hostPath = hostPathOf(config);
        this.figures = figures;
        this.verifier = verifier;
        this.warnings = warnings;
        this.tracer = new Tracer(new AttoGpt(bundle), SiteBuild.TOP_N, threads, true);
        this.workers = new WorkerPool("attoscope-live-page", threads);
        this.facts = ModelFacts.of(bundle);
    }

    /**
     * The site root as a path on its host ({@code /attoscope/} for a base URL of {@code https://you.github.io/attoscope/},
     * {@code /} without one): the 404 page links from there, so serve answers there too.
     */
    public String hostPath() {
        return hostPath;
    }

    private static String hostPathOf(SiteConfig config) {
        return config.baseUrl() == null ? "/" : Addresses.hostPath(config.baseUrl());
    }

    /** The content folder the site is built from. */
    public Path content() {
        return folders.content();
    }

    public Path out() {
        return folders.out();
    }

    /** Brings the site on disk up to date with content/ and templates/; throws on a broken input, changing nothing. */
    public Change update() {
        long start = System.nanoTime();
        SiteConfig config = SiteConfig.load(folders.content());
        if (!Objects.equals(config.modelDir(), startConfig.modelDir()) || !Objects.equals(config.modelSha256(), startConfig.modelSha256())
                || !Objects.equals(config.tokenizerSha256(), startConfig.tokenizerSha256())) {
            throw new InputException(config.file(), "the model in site.json changed while serving.",
                    "stop attoscope serve (Ctrl-C) and start it again to load the new model.");
        }
        Templates current = Templates.open(folders.templates(), templates); // the same, unless a template changed
        Map<Story, ReadStory> read = SitePlan.readStories(folders.content(), bundle.tokenizer(), readStories, warnings);
        List<ReadStory> stories = List.copyOf(read.values());

        List<SiteSection> sections = this.sections.apply(folders.content());
        long planned = System.nanoTime();
        SiteRenderer renderer = new SiteRenderer(current, config, facts, sections, verifier.reportPage());
        Map<TraceKey, PromptTrace> nextTraces = new ConcurrentHashMap<>();
        AtomicInteger traced = new AtomicInteger();
        List<PlannedPage> plan = SitePlan.of(renderer, config, bundle, figures, sections, stories,
                r -> trace(r, nextTraces, traced), assetHashes).all();

        Map<String, List<Object>> inputs = new LinkedHashMap<>();
        List<PlannedPage> changed = new ArrayList<>();
        for (PlannedPage page : plan) {
            inputs.put(page.path(), page.inputs());
            if (!page.inputs().equals(published.get(page.path()))) {
                changed.add(page);
            }
        }
        long rendering = System.nanoTime();
        Map<String, byte[]> rendered = render(changed);
        long writing = System.nanoTime();
        List<String> deleted = published.keySet().stream().filter(p -> !inputs.containsKey(p)).sorted().toList();
        if (published.isEmpty()) {
            publishWhole(rendered, renderer);
        } else {
            writeInPlace(rendered, deleted);
        }
        long end = System.nanoTime();
        // Only now, with everything on disk, does this build become the last good one.
        templates = current;
        published = inputs;
        readStories = read;
        hostPath = hostPathOf(config);
        for (ReadStory s : stories) {
            PromptTrace t = traces.get(key(s));
            if (t != null) {
                nextTraces.putIfAbsent(key(s), t);
            }
        }
        traces = nextTraces;
        return new Change(List.copyOf(rendered.keySet()), deleted, traced.get(), (end - start) / 1_000_000,
                new Stages(ms(planned - start), ms(rendering - planned), ms(writing - rendering), ms(end - writing)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** The pages on the worker threads; the first failure in plan order is the one reported. */
    private Map<String, byte[]> render(List<PlannedPage> pages) {
        List<byte[]> bytes = workers.all(pages.stream().map(p -> (Callable<byte[]>) () -> p.render().get()).toList());
        Map<String, byte[]> out = new TreeMap<>();
        for (int i = 0; i < pages.size(); i++) {
            out.put(pages.get(i).path(), bytes.get(i));
        }
        return out;
    }

    private TracedStory trace(ReadStory story, Map<TraceKey, PromptTrace> nextTraces, AtomicInteger traced) {
        TraceKey key = key(story);
        // computeIfAbsent: an explorer and a lesson figure asking for the same new story at once trace it once
        PromptTrace trace = nextTraces.computeIfAbsent(key, k -> {
            PromptTrace warm = traces.get(k);
            if (warm != null) {
                return warm;
            }
            traced.incrementAndGet();
            return tracer.trace(new Tracer.EncodedPrompt(k.slug(), k.text(), story.encoding()));
        });
        return TracedStory.of(story, trace);
    }

    private static TraceKey key(ReadStory s) {
        return new TraceKey(s.story().slug(), s.explored().text());
    }

    private void publishWhole(Map<String, byte[]> files, PageRenderer renderer) {
        try (StagedSite staged = StagedSite.create(folders.out(), List.of(folders.content(), folders.templates()))) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                write(() -> PageWriter.FILES.write(staged.dir().resolve(f.getKey()), f.getValue()), f.getKey());
            }
            verifier.verify(staged.dir(), renderer);
            staged.publish();
        }
    }

    /** Each file replaced by a rename ({@link PageWriter#FILES}), so a browser reading the site never sees half a page. */
    private void writeInPlace(Map<String, byte[]> files, List<String> deleted) {
        Path out = folders.out();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            write(() -> PageWriter.FILES.write(out.resolve(f.getKey()), f.getValue()), f.getKey());
        }
        for (String d : deleted) {
            write(() -> {
                Path file = out.resolve(d);
                Files.deleteIfExists(file);
                // a removed story leaves explore/SLUG/ empty; a folder that still holds something stays
                for (Path dir = file.getParent(); !dir.equals(out) && isEmptyDir(dir); dir = dir.getParent()) {
                    Files.delete(dir);
                }
            }, d);
        }
        // the marker keeps listing exactly what attoscope wrote, so the next build may replace it all
        write(() -> SiteMarker.read(out).orElseGet(() -> new SiteMarker(Map.of())).updated(files, deleted).writeTo(out), SiteMarker.NAME);
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private interface FileOperation {
        void run() throws IOException;
    }

    private void write(FileOperation op, String path) {
        try {
            op.run();
        } catch (IOException e) {
            throw new InputException(folders.out(), "cannot write " + path + ": " + e.getMessage() + ".",
                    "check free disk space and permissions.", e);
        }
    }

    @Override
    public void close() {
        workers.close();
        tracer.close();
    }
}
