package org.attoscope.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.ModelBundle;
import org.attoscope.util.Sha256;

/**
 * Plans every page of the site: where it goes, what it is made of, and how to render it.
 *
 * <p>Each page gets {@code root}, the relative path from its folder back to the site root ("", "../", "../../"),
 * and every link in the templates is written as {@code root + path-from-root}, ending in {@code index.html}: the
 * site then works from any folder of any static host and from file://, where folders do not open their index.
 *
 * <p>A page's {@link PlannedPage#inputs() inputs} list everything its bytes depend on besides the model, which a
 * build never changes: {@code attoscope serve} re-renders a page only when they differ from the last build's.
 */
final class SiteRenderer implements PageRenderer {
    static final String ASSETS = "assets";
    static final String NOT_FOUND = "404.html";

    private final Templates templates;
    private final SiteConfig config;
    private final ModelBundle bundle;
    private final ModelFacts facts;
    private final PageFigures figures;
    private final List<SiteSection> sections;
    private final List<NavLink> nav;
    private final String reportPage;

    /** @param reportPage the verifier's report page, linked from every footer, or null */
    SiteRenderer(Templates templates, SiteConfig config, ModelBundle bundle, PageFigures figures,
                 List<SiteSection> sections, String reportPage) {
        this.sections = List.copyOf(sections);
        this.nav = this.sections.stream().flatMap(s -> s.nav().stream()).toList();
        this.reportPage = reportPage;
        this.templates = templates;
        this.config = config;
        this.bundle = bundle;
        this.facts = ModelFacts.of(bundle);
        this.figures = figures;
    }

    /** The site's own pages but the explorers: the lists, the explainer, the 404 page, and the assets. */
    List<PlannedPage> fixedPages(List<StoryEntry> entries) {
        List<PlannedPage> pages = new ArrayList<>();
        pages.add(page("index.html", "home", Map.of("stories", entries), entries));
        pages.add(page("explore/index.html", "stories", Map.of("stories", entries), entries));
        pages.add(page("how-it-works/index.html", "how-it-works", () -> Map.of("figures", figures.explainerFigures(bundle)), List.of()));
        pages.add(page(NOT_FOUND, "not-found", Map.of(), List.of()));
        pages.addAll(assets());
        return pages;
    }

    /**
     * The explorer of one story; {@code previous} and {@code following} are its neighbours in the list, or null.
     * The model runs ({@code tracing}) only when the page is rendered, so a rebuild that skips it skips the run.
     */
    PlannedPage explorer(ReadStory story, StoryEntry previous, StoryEntry following, Function<ReadStory, TracedStory> tracing) {
        String path = "explore/" + story.story().slug() + "/index.html";
        return page(path, "story", () -> Map.of("page", explorerPage(tracing.apply(story), previous, following)),
                Arrays.asList(story.explored(), story.storyTokens(), previous, following));
    }

    /** The explorer's model, with its figures. */
    private ExplorerPage explorerPage(TracedStory s, StoryEntry previous, StoryEntry following) {
        return ExplorerPages.of(s.story(), s.encoding(), s.trace(), bundle.config(),
                figures.storyFigures(s.story(), s.trace()), previous, following, s.storyTokens());
    }

    /** The sections' pages (the lessons), planned like the site's own. */
    List<PlannedPage> sectionPages(StoryTraces stories) {
        List<PlannedPage> pages = new ArrayList<>();
        for (SiteSection section : sections) {
            for (SectionPage p : section.pages(stories)) {
                pages.add(page(p.path(), p.template(), p.makeVariables(), p.inputs()));
            }
            pages.addAll(section.files(stories));
        }
        return pages;
    }

    /** {@code sitemap.xml} and {@code robots.txt} for these pages when site.json gives a base URL; none otherwise. */
    List<PlannedPage> publishing(List<String> pagePaths) {
        if (config.baseUrl() == null) {
            return List.of();
        }
        List<String> listed = pagePaths.stream().filter(p -> p.endsWith(".html") && !p.equals(NOT_FOUND)).sorted().toList();
        return List.of(
                new PlannedPage(Sitemap.PATH, List.of(config.baseUrl(), listed), () -> Sitemap.xml(config.baseUrl(), listed)),
                new PlannedPage(Sitemap.ROBOTS, List.of(config.baseUrl()), () -> Sitemap.robots(config.baseUrl())));
    }

    private PlannedPage page(String path, String template, Map<String, Object> variables, List<?> inputs) {
        return page(path, template, () -> variables, inputs);
    }

    private PlannedPage page(String path, String template, Supplier<Map<String, Object>> variables, List<?> inputs) {
        List<Object> all = new ArrayList<>();
        all.add(templates.fingerprint(template));
        all.add(config);
        all.add(nav);
        all.addAll(inputs);
        return new PlannedPage(path, all, () -> render(path, template, variables.get()));
    }

    @Override
    public byte[] render(String path, String template, Map<String, Object> variables) {
        Map<String, Object> vars = new LinkedHashMap<>(variables);
        vars.put("root", "../".repeat((int) path.chars().filter(c -> c == '/').count()));
        vars.put("path", path);
        vars.put("site", config);
        vars.put("facts", facts);
        vars.put("sections", nav);
        vars.put("report", reportPage);
        vars.put("canonical", config.baseUrl() == null || path.equals(NOT_FOUND) ? null : Sitemap.url(config.baseUrl(), path));
        // A host serves 404.html at whatever address was missing, where relative links would not resolve; with a
        // base URL the page can name its own folder. Without one it keeps relative links (right from the root).
        vars.put("base", path.equals(NOT_FOUND) && config.baseUrl() != null ? Sitemap.url(config.baseUrl(), "") : null);
        vars.put("csp", ContentPolicy.PLACEHOLDER);
        String base = (String) vars.get("base");
        return ContentPolicy.seal(templates.render(template, vars), base).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code templates/assets} (CSS, the explorer script), copied byte for byte, in a stable order. */
    private List<PlannedPage> assets() {
        Path source = templates.dir().resolve(ASSETS);
        if (!Files.isDirectory(source)) {
            return List.of();
        }
        List<PlannedPage> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(f);
                out.add(new PlannedPage(ASSETS + "/" + source.relativize(f).toString().replace('\\', '/'),
                        List.of(Sha256.hex(bytes)), () -> bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
