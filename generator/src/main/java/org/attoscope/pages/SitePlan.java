package org.attoscope.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.attoscope.content.SiteConfig;
import org.attoscope.content.Story;
import org.attoscope.content.StoryLibrary;
import org.attoscope.model.ModelBundle;
import org.attoscope.model.Tokenizer;
import org.attoscope.util.FileHashes;

/**
 * Every file of the site and what each is made of, for {@code attoscope build} (which renders all of it) and
 * {@code attoscope serve} (which renders what changed): the one place that decides which pages exist, which
 * template draws each, its neighbours in the lists, and what its bytes depend on.
 *
 * <p>Pages are planned, not rendered: a {@link PlannedPage} renders when asked, and an explorer runs the model
 * ({@code tracing}) only then, so a rebuild that skips a page skips its model run.
 *
 * @param fixed      the site's own pages but the explorers: the lists, the explainer, the 404 page, the assets
 * @param explorers  one per story, in list order
 * @param sections   the sections' pages (the lessons)
 * @param publishing {@code sitemap.xml} and {@code robots.txt} when site.json gives a base URL; none otherwise
 */
record SitePlan(List<PlannedPage> fixed, List<Explorer> explorers, List<PlannedPage> sections, List<PlannedPage> publishing) {

    /**
     * A story's explorer page, with the story it shows and the sections' pages that cite it.
     *
     * @param citedIn the pages whose figures draw this story's points, in the sections' order; listed on the page
     */
    record Explorer(ReadStory story, List<Citation> citedIn, PlannedPage page) {
        Explorer {
            citedIn = List.copyOf(citedIn);
        }
    }

    SitePlan {
        fixed = List.copyOf(fixed);
        explorers = List.copyOf(explorers);
        sections = List.copyOf(sections);
        publishing = List.copyOf(publishing);
    }

    /**
     * Reads every story of {@code contentDir}, in slug order, reusing {@code known}'s reading of a story that has
     * not changed, and hands the warnings of each story read afresh to {@code warnings}.
     */
    static Map<Story, ReadStory> readStories(Path contentDir, Tokenizer tokenizer, Map<Story, ReadStory> known,
                                             Consumer<String> warnings) {
        Map<Story, ReadStory> out = new LinkedHashMap<>();
        for (Story story : StoryLibrary.load(contentDir)) {
            ReadStory read = known.get(story);
            if (read == null) {
                read = ReadStory.of(story, tokenizer);
                read.warnings().forEach(warnings);
            }
            out.put(story, read);
        }
        return out;
    }

    /**
     * @param stories  the stories, in list order
     * @param tracing  runs the model over a story, when its explorer is rendered
     */
    static SitePlan of(SiteRenderer renderer, SiteConfig config, ModelBundle bundle, PageFigures figures,
                       List<SiteSection> sections, List<ReadStory> stories, Function<ReadStory, TracedStory> tracing) {
        return of(renderer, config, bundle, figures, sections, stories, tracing, new FileHashes());
    }

    /** @param assetHashes the assets' hashes, which serve keeps from plan to plan for the bytes that did not change */
    static SitePlan of(SiteRenderer renderer, SiteConfig config, ModelBundle bundle, PageFigures figures,
                       List<SiteSection> sections, List<ReadStory> stories, Function<ReadStory, TracedStory> tracing,
                       FileHashes assetHashes) {
        List<StoryEntry> entries = stories.stream().map(ReadStory::entry).toList();
        List<PlannedPage> fixed = new ArrayList<>();
        fixed.add(renderer.page(Addresses.HOME, "home", Map.of("stories", entries), entries));
        fixed.add(renderer.page(Addresses.STORIES, "stories", Map.of("stories", entries), entries));
        fixed.add(renderer.page(Addresses.HOW_IT_WORKS, "how-it-works",
                () -> Map.of("figures", figures.explainerFigures(bundle)), List.of()));
        fixed.add(renderer.page(Addresses.NOT_FOUND, "not-found", Map.of(), List.of()));
        fixed.add(renderer.page(Addresses.SEARCH, "search", Map.of(), List.of()));
        fixed.add(searchIndex(stories, sections));
        fixed.addAll(assets(renderer.templatesDir(), assetHashes));

        // An explorer lists the pages that cite it, so a lesson that starts or stops citing a story, or is renamed,
        // changes that story's explorer's inputs and serve renders it again.
        Map<String, List<Citation>> cited = citationsByStory(sections);
        List<Explorer> explorers = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            ReadStory story = stories.get(i);
            Neighbours<StoryEntry> around = Neighbours.of(entries, i);
            List<Citation> citedIn = cited.getOrDefault(story.story().slug(), List.of());
            PlannedPage page = renderer.page(Addresses.explorer(story.story().slug()), "story",
                    () -> {
                        Verbatim verbatim = new Verbatim(); // the figures' SVG goes in after the template has run
                        return Map.of("page", explorerPage(tracing.apply(story), around, bundle, figures, verbatim), "citedIn", citedIn,
                                Verbatim.VARIABLE, verbatim);
                    },
                    Arrays.asList(story.explored(), story.storyTokens(), around, citedIn));
            explorers.add(new Explorer(story, citedIn, page));
        }

        // A section traces only the stories it shows, each once however many of its pages show it.
        StoryTraces traces = new OnDemandTraces(stories, tracing);
        List<PlannedPage> sectionPages = new ArrayList<>();
        for (SiteSection section : sections) {
            for (SectionPage p : section.pages(traces, renderer)) {
                sectionPages.add(renderer.page(p.path(), p.template(), p.makeVariables(), p.inputs()));
            }
            sectionPages.addAll(section.files(traces));
        }

        List<String> paths = new ArrayList<>();
        fixed.forEach(p -> paths.add(p.path()));
        explorers.forEach(e -> paths.add(e.page().path()));
        sectionPages.forEach(p -> paths.add(p.path()));
        return new SitePlan(fixed, explorers, sectionPages, publishing(config, paths));
    }

    /** Every section's citations, by the story cited, each story's in the sections' order. */
    private static Map<String, List<Citation>> citationsByStory(List<SiteSection> sections) {
        Map<String, List<Citation>> out = new LinkedHashMap<>();
        for (SiteSection section : sections) {
            for (Citation c : section.citations()) {
                out.computeIfAbsent(c.story(), s -> new ArrayList<>()).add(c);
            }
        }
        out.replaceAll((story, list) -> List.copyOf(list));
        return out;
    }

    /**
     * The search index: its inputs are its entries, so serve rewrites it exactly when a story's or a lesson's
     * title, description or words change, and leaves it alone for an edit that changes none of them.
     */
    private static PlannedPage searchIndex(List<ReadStory> stories, List<SiteSection> sections) {
        List<SearchEntry> entries = new ArrayList<>();
        stories.forEach(s -> entries.add(s.search()));
        sections.forEach(s -> entries.addAll(s.searchEntries()));
        List<SearchEntry> index = List.copyOf(entries);
        return new PlannedPage(Addresses.SEARCH_INDEX, List.of(index), () -> SearchIndex.script(index));
    }

    /** Every file, in the order a build writes them. */
    List<PlannedPage> all() {
        List<PlannedPage> all = new ArrayList<>(fixed);
        explorers.forEach(e -> all.add(e.page()));
        all.addAll(sections);
        all.addAll(publishing);
        return all;
    }

    private static ExplorerPage explorerPage(TracedStory s, Neighbours<StoryEntry> around, ModelBundle bundle, PageFigures figures,
                                             Verbatim verbatim) {
        return ExplorerPages.of(s.story(), s.encoding(), s.trace(), bundle.config(),
                figures.storyFigures(s.story(), s.trace()).stream().map(f -> f.heldBy(verbatim)).toList(), around.previous(),
                around.next(), s.storyTokens());
    }

    private static List<PlannedPage> publishing(SiteConfig config, List<String> pagePaths) {
        if (config.baseUrl() == null) {
            return List.of();
        }
        List<String> listed = pagePaths.stream().filter(Addresses::listed).sorted().toList();
        return List.of(
                new PlannedPage(Addresses.SITEMAP, List.of(config.baseUrl(), listed), () -> Sitemap.xml(config.baseUrl(), listed)),
                new PlannedPage(Addresses.ROBOTS, List.of(config.baseUrl()), () -> Sitemap.robots(config.baseUrl())));
    }

    /** {@code templates/assets} (CSS, the explorer script), copied byte for byte, in a stable order. */
    private static List<PlannedPage> assets(Path templatesDir, FileHashes hashes) {
        Path source = templatesDir.resolve(Addresses.ASSETS);
        if (!Files.isDirectory(source)) {
            return List.of();
        }
        List<PlannedPage> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(f);
                out.add(new PlannedPage(Addresses.asset(source.relativize(f).toString().replace('\\', '/')),
                        List.of(hashes.sha256(f, bytes)), () -> bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
