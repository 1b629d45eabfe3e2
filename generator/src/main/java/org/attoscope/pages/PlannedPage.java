package org.attoscope.pages;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One file of the site before it is rendered.
 *
 * @param path   where it goes, relative to the site root, with '/' separators
 * @param inputs everything the bytes depend on (template fingerprints, the story, its neighbours' entries...),
 *               compared with {@code equals}: equal inputs render equal bytes, so a rebuild may skip the page
 * @param render makes the bytes; may throw {@link org.attoscope.InputException} (a template error)
 */
public record PlannedPage(String path, List<Object> inputs, Supplier<byte[]> render) {
    public PlannedPage {
        Objects.requireNonNull(path, "path");
        inputs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(inputs));
        Objects.requireNonNull(render, "render");
    }
}
