package org.attoscope.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.ModelBundle;

/**
 * Renders every page of the site into a folder.
 *
 * <p>Each page gets {@code root}, the relative path from its folder back to the site root ("", "../", "../../"),
 * and every link in the templates is written as {@code root + path-from-root}, ending in {@code index.html}: the
 * site then works from any folder of any static host and from file://, where folders do not open their index.
 */
final class SiteRenderer {
    static final String ASSETS = "assets";

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

    /** Writes the site into {@code dir}; returns the number of HTML pages. */
    int writeAll(Path dir, List<TracedStory> stories) {
        List<StoryEntry> entries = stories.stream().map(TracedStory::entry).toList();
        int pages = 0;
        pages += page(dir, "index.html", "home", Map.of("stories", entries));
        pages += page(dir, "explore/index.html", "stories", Map.of("stories", entries));
        for (int i = 0; i < stories.size(); i++) {
            TracedStory s = stories.get(i);
            ExplorerPage explorer = ExplorerPages.of(s.story(), s.encoding(), s.trace(), bundle.config(),
                    figures.storyFigures(s.story(), s.trace()),
                    i > 0 ? entries.get(i - 1) : null, i + 1 < entries.size() ? entries.get(i + 1) : null);
            pages += page(dir, "explore/" + s.story().slug() + "/index.html", "story", Map.of("page", explorer));
        }
        for (SiteSection section : sections) {
            for (SectionPage p : section.pages(stories)) {
                pages += page(dir, p.path(), p.template(), p.variables());
            }
        }
        pages += page(dir, "how-it-works/index.html", "how-it-works", Map.of("figures", figures.explainerFigures(bundle)));
        pages += page(dir, "404.html", "not-found", Map.of());
        copyAssets(dir.resolve(ASSETS));
        return pages;
    }

    private int page(Path siteDir, String path, String template, Map<String, Object> variables) {
        Map<String, Object> vars = new LinkedHashMap<>(variables);
        vars.put("root", "../".repeat((int) path.chars().filter(c -> c == '/').count()));
        vars.put("path", path);
        vars.put("site", config);
        vars.put("facts", facts);
        vars.put("sections", nav);
        vars.put("report", reportPage);
        write(siteDir.resolve(path), templates.render(template, vars).getBytes(StandardCharsets.UTF_8));
        return 1;
    }

    /** Copies {@code templates/assets} (CSS, the explorer script) byte for byte, in a stable order. */
    private void copyAssets(Path target) {
        Path source = templates.dir().resolve(ASSETS);
        if (!Files.isDirectory(source)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            for (Path f : files) {
                write(target.resolve(source.relativize(f).toString()), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
