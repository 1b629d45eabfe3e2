package org.attoscope.pages;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.attoscope.InputException;
import org.attoscope.content.SiteConfig;
import org.attoscope.content.Story;
import org.attoscope.content.StoryLibrary;
import org.attoscope.content.StoryVocabulary;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.ModelBundle;
import org.attoscope.model.Tokenizer;
import org.attoscope.trace.PromptTrace;
import org.attoscope.trace.Tracer;

/**
 * One whole-site build: read the stories, trace every prediction point, render every page into a staging folder,
 * verify it, and only then publish it over the old site.
 *
 * <p>Everything that can fail on the author's input (front matter, vocabulary, templates) fails before the old
 * site is touched; see {@link StagedSite} for how publishing survives interruption.
 */
public final class SiteBuild {
    /** Predictions embedded per point (FORMATS.md section 3's default). */
    public static final int TOP_N = 20;

    /** Where the build reads and writes. */
    public record Folders(Path content, Path templates, Path out) {
    }

    /** What a finished build made. */
    public record Summary(Path out, int pages, int stories, int points, int unknownWords) {
    }

    private final Folders folders;
    private final SiteConfig config;
    private final ModelBundle bundle;
    private final PageFigures figures;
    private final SiteVerifier verifier;
    private final Consumer<String> warnings;
    private final int threads;
    private final List<SiteSection> sections;

    /**
     * @param warnings receives one line per warning (an unknown word), as it is found
     * @param threads  worker threads for the model runs
     */
    public SiteBuild(Folders folders, SiteConfig config, ModelBundle bundle, PageFigures figures, SiteVerifier verifier,
                     Consumer<String> warnings, int threads) {
        this(folders, config, bundle, figures, verifier, warnings, threads, List.of());
    }

    /** @param sections further parts of the site (the lessons), rendered into the same staged folder */
    public SiteBuild(Folders folders, SiteConfig config, ModelBundle bundle, PageFigures figures, SiteVerifier verifier,
                     Consumer<String> warnings, int threads, List<SiteSection> sections) {
        this.sections = List.copyOf(sections);
        this.folders = folders;
        this.config = config;
        this.bundle = bundle;
        this.figures = figures;
        this.verifier = verifier;
        this.warnings = warnings;
        this.threads = threads;
    }

    public Summary run() {
        Templates templates = Templates.open(folders.templates());
        List<TracedStory> stories = trace(StoryLibrary.load(folders.content()));
        SiteRenderer renderer = new SiteRenderer(templates, config, bundle, figures, sections, verifier.reportPage());
        try (StagedSite staged = StagedSite.create(folders.out(), List.of(folders.content(), folders.templates()))) {
            int pages = write(renderer, staged, stories);
            verifier.verify(staged.dir());
            staged.publish();
            return new Summary(folders.out(), pages, stories.size(),
                    stories.stream().mapToInt(s -> s.trace().points().size()).sum(),
                    stories.stream().mapToInt(s -> s.unknownWords().size()).sum());
        }
    }

    private List<TracedStory> trace(List<Story> stories) {
        Tokenizer tokenizer = bundle.tokenizer();
        List<List<StoryVocabulary.Warning>> unknown = new ArrayList<>();
        for (Story story : stories) {
            List<StoryVocabulary.Warning> w = StoryVocabulary.check(story, tokenizer);
            w.forEach(x -> warnings.accept(x.message()));
            unknown.add(w);
        }
        List<PromptTrace> traces;
        try (Tracer tracer = new Tracer(new AttoGpt(bundle), TOP_N, threads)) {
            traces = tracer.traceAll(stories.stream().map(s -> new Tracer.Prompt(s.slug(), s.text())).toList());
        }
        List<TracedStory> out = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            Story s = stories.get(i);
            out.add(new TracedStory(s, tokenizer.encode(s.text()), traces.get(i), unknown.get(i)));
        }
        return out;
    }

    private static int write(SiteRenderer renderer, StagedSite staged, List<TracedStory> stories) {
        try {
            return renderer.writeAll(staged.dir(), stories);
        } catch (UncheckedIOException e) {
            throw new InputException(staged.dir(), "cannot write the new site: " + e.getCause().getMessage() + ".",
                    "check free disk space and permissions; the previous site is unchanged.");
        }
    }
}
