package org.attoscope.playground;

import org.attoscope.content.Story;
import org.attoscope.pages.Addresses;

/**
 * A default story as the playground offers it: its text as the explorer covers it, and that explorer's address.
 *
 * @param href      from the site root, ending in index.html
 * @param pointHref {@code href} at a point, but for the point's number, which the page appends: the server's one
 *                  definition of a point's address ({@link Addresses#pointId}), so playground.js spells none of its own
 */
public record Preset(String slug, String title, String text, String href, String pointHref) {
    static Preset of(Story explored) {
        String href = Addresses.explorer(explored.slug());
        return new Preset(explored.slug(), explored.title(), explored.text(), href, href + "#" + Addresses.POINT_ID_PREFIX);
    }
}
