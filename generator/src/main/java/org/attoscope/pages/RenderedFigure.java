package org.attoscope.pages;

import java.util.Objects;

/**
 * A figure ready for a page: inline SVG markup (already carrying {@code role="img"}, {@code <title>} and
 * {@code <desc>}, FORMATS.md section 6), with a heading and a caption the page shows around it.
 *
 * @param svg     one {@code <svg>} element, well-formed XML, no XML declaration
 * @param title   a short heading shown above the figure
 * @param caption a sentence or two shown below it; may be empty
 */
public record RenderedFigure(String svg, String title, String caption) {
    public RenderedFigure {
        Objects.requireNonNull(svg, "svg");
        Objects.requireNonNull(title, "title");
        caption = caption == null ? "" : caption;
    }
}
