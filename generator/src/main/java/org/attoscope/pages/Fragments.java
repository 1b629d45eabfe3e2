package org.attoscope.pages;

import java.nio.file.Path;
import java.util.Map;

/**
 * Renders one {@code th:fragment} of the site's templates on its own, for markup a section embeds in a page it
 * builds (a lesson's figures inside its rendered Markdown): code computes what to show, a template writes it.
 */
@FunctionalInterface
public interface Fragments {
    /**
     * @param template  the template's name in {@code templates/}, without {@code .html}
     * @param fragment  the {@code th:fragment}'s name
     * @param variables what the fragment reads
     */
    String fragment(String template, String fragment, Map<String, Object> variables);

    /** The fragments of the templates in {@code templatesDir} (tools and tests that render a section themselves). */
    static Fragments of(Path templatesDir) {
        return Templates.open(templatesDir)::renderFragment;
    }
}
