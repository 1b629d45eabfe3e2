package org.attoscope.pages;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One page a {@link SiteSection} adds: where it goes, which template renders it, what it is made of, and the
 * template's variables (the renderer adds {@code root}, {@code path}, {@code site}, {@code facts} and
 * {@code sections} as for every page).
 *
 * @param path      from the site root, ending in {@code index.html}, e.g. {@code lessons/01-tokens/index.html}
 * @param template  the template's name in the templates folder, without {@code .html}
 * @param inputs    everything the variables are made from besides the model (source records, file hashes),
 *                  compared with {@code equals}; the renderer adds the template's fingerprint and the site config
 * @param makeVariables makes the page's own variables, only when the page is rendered
 */
public record SectionPage(String path, String template, List<Object> inputs, Supplier<Map<String, Object>> makeVariables) {
    public SectionPage {
        inputs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(inputs));
    }

    /** A page whose variables are already made: they are its inputs. */
    public SectionPage(String path, String template, Map<String, Object> variables) {
        this(path, template, List.of(Map.copyOf(variables)), supplier(Map.copyOf(variables)));
    }

    /** The page's own variables, made now. */
    public Map<String, Object> variables() {
        return makeVariables.get();
    }

    private static Supplier<Map<String, Object>> supplier(Map<String, Object> variables) {
        return () -> variables;
    }
}
