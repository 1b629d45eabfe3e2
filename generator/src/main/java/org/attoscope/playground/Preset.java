package org.attoscope.playground;

import org.attoscope.content.Story;
import org.attoscope.pages.Addresses;

/**
 * A default story as the playground offers it: its text as the explorer covers it, and that explorer's address.
 *
 * @param href from the site root, ending in index.html
 */
public record Preset(String slug, String title, String text, String href) {
    static Preset of(Story explored) {
        return new Preset(explored.slug(), explored.title(), explored.text(), Addresses.explorer(explored.slug()));
    }
}
