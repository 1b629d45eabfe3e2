package org.attoscope.pages;

import java.util.Objects;

/**
 * A figure ready for a page: inline SVG markup (already carrying {@code role="img"}, {@code <title>} and
 * {@code <desc>}, FORMATS.md section 6), with a heading and a caption the page shows around it.
 *
 * @param svg     one {@code <svg>} element, well-formed XML, no XML declaration
 * @param title   a short heading shown above the figure
 * @param caption a sentence or two shown below it; may be empty
 * @param body    what the template writes for {@code svg}: {@code svg} itself, or its stand-in, which the renderer
 *                replaces by {@code svg} once the template has run ({@link Verbatim})
 */
public record RenderedFigure(String svg, String title, String caption, String body) {
    public RenderedFigure {
        Objects.requireNonNull(svg, "svg");
        Objects.requireNonNull(title, "title");
        caption = caption == null ? "" : caption;
        body = body == null ? svg : body;
    }

    public RenderedFigure(String svg, String title, String caption) {
        this(svg, title, caption, svg);
    }

    /** The figure with its SVG held by {@code verbatim}, kept out of Thymeleaf. */
    RenderedFigure heldBy(Verbatim verbatim) {
        return new RenderedFigure(svg, title, caption, verbatim.hold(svg));
    }
}
