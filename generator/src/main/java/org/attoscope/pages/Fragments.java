package org.attoscope.pages;

import java.nio.file.Path;
import java.util.Map;

/**
 * Renders one {@code th:fragment} of the site's templates on its own, for markup a section embeds in a page it
 * builds (a lesson's figures inside its rendered Markdown): code computes what to show, a template writes it.
 */
public interface Fragments {
    /**
     * @param template  the template's name in {@code templates/}, without {@code .html}
     * @param fragment  the {@code th:fragment}'s name
     * @param variables what the fragment reads
     */
    String fragment(String template, String fragment, Map<String, Object> variables);

    /**
     * What every fragment's markup depends on: the bytes of all the templates. Equal fingerprints render equal
     * markup from equal variables, so markup drawn under one may be kept for another ({@code attoscope serve}).
     */
    String fingerprint();

    /** The fragments of the templates in {@code templatesDir} (tools and tests that render a section themselves). */
    static Fragments of(Path templatesDir) {
        return Templates.open(templatesDir);
    }
}
