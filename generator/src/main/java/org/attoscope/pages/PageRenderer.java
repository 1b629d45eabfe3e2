package org.attoscope.pages;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.ModelBundle;

/**
 * Renders one page of the site through its templates, with everything the shared layout needs (the path back to
 * the root, the navigation, the site's title): how a page that is not planned by the build itself, the verifier's
 * report, still looks like the rest of the site.
 */
@FunctionalInterface
public interface PageRenderer {
    /**
     * @param path      where the page goes, from the site root ({@link Addresses#VERIFICATION})
     * @param template  the template's name in {@code templates/}
     * @param variables the page's own variables
     */
    byte[] render(String path, String template, Map<String, Object> variables);

    /** The renderer of a site's templates, for a reader of a built site that has no build at hand. */
    static PageRenderer of(Path templatesDir, SiteConfig config, ModelBundle bundle, List<SiteSection> sections, String reportPage) {
        return new SiteRenderer(Templates.open(templatesDir), config, bundle, sections, reportPage);
    }
}
