package org.attoscope.pages;

import java.util.Map;

/**
 * One page a {@link SiteSection} adds: where it goes, which template renders it, and the template's variables
 * (the renderer adds {@code root}, {@code path}, {@code site}, {@code facts} and {@code sections} as for every page).
 *
 * @param path      from the site root, ending in {@code index.html}, e.g. {@code lessons/01-tokens/index.html}
 * @param template  the template's name in the templates folder, without {@code .html}
 * @param variables the page's own variables
 */
public record SectionPage(String path, String template, Map<String, Object> variables) {
    public SectionPage {
        variables = Map.copyOf(variables);
    }
}
