package org.attoscope.pages;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.ModelBundle;

/**
 * Renders a page of the site through its templates, with what the shared layout needs on every page.
 *
 * <p>Each page gets {@code root}, the relative path from its folder back to the site root ("", "../", "../../"),
 * and every link in the templates is written as {@code root + path-from-root}, ending in {@code index.html}: the
 * site then works from any folder of any static host and from file://, where folders do not open their index.
 * The one exception is the 404 page of a site with a base URL, whose {@code root} is the site's path on its host
 * ({@link Addresses#hostRoot}).
 *
 * <p>A page's {@link PlannedPage#inputs() inputs} list everything its bytes depend on besides the model, which a
 * build never changes: {@code attoscope serve} re-renders a page only when they differ from the last build's.
 */
final class SiteRenderer implements PageRenderer, Fragments {
    private final Templates templates;
    private final SiteConfig config;
    private final ModelFacts facts;
    private final List<NavLink> nav;
    private final String reportPage;

    /** @param reportPage the verifier's report page, linked from every footer, or null */
    SiteRenderer(Templates templates, SiteConfig config, ModelBundle bundle, List<SiteSection> sections, String reportPage) {
        this(templates, config, ModelFacts.of(bundle), sections, reportPage);
    }

    /** @param facts the model's, which serve reads once, as they depend on the model alone */
    SiteRenderer(Templates templates, SiteConfig config, ModelFacts facts, List<SiteSection> sections, String reportPage) {
        this.nav = sections.stream().flatMap(s -> s.nav().stream()).toList();
        this.reportPage = reportPage;
        this.templates = templates;
        this.config = config;
        this.facts = facts;
    }

    Path templatesDir() {
        return templates.dir();
    }

    PlannedPage page(String path, String template, Map<String, Object> variables, List<?> inputs) {
        return page(path, template, () -> variables, inputs);
    }

    /** A page drawn by {@code template}; its inputs are {@code inputs} and what every page depends on. */
    PlannedPage page(String path, String template, Supplier<Map<String, Object>> variables, List<?> inputs) {
        List<Object> all = new ArrayList<>();
        all.add(templates.fingerprint(template));
        all.add(config);
        all.add(nav);
        all.addAll(inputs);
        return new PlannedPage(path, all, () -> render(path, template, variables.get()));
    }

    @Override
    public String fragment(String template, String fragment, Map<String, Object> variables) {
        return templates.fragment(template, fragment, variables);
    }

    @Override
    public String fingerprint() {
        return templates.fingerprint();
    }

    @Override
    public byte[] render(String path, String template, Map<String, Object> variables) {
        Map<String, Object> vars = new LinkedHashMap<>(variables);
        vars.put("root", Addresses.hostRoot(path, config.baseUrl()));
        vars.put("to", PageLinks.from(path, config.baseUrl()));
        vars.put("path", path);
        vars.put("site", config);
        vars.put("facts", facts);
        vars.put("sections", nav);
        vars.put("report", reportPage);
        // the 404 page has no address of its own: a host serves it at whatever address was missing
        boolean notFound = path.equals(Addresses.NOT_FOUND);
        vars.put("canonical", config.baseUrl() == null || notFound ? null : Addresses.url(config.baseUrl(), path));
        vars.put("csp", ContentPolicy.PLACEHOLDER);
        return ContentPolicy.seal(Verbatim.of(variables).restore(templates.render(template, vars)), path).getBytes(StandardCharsets.UTF_8);
    }
}
