package org.attoscope.lessons;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.attoscope.figures.SvgFigure;

/**
 * A directive's figure, ready for the lesson page.
 *
 * @param directive what the author wrote
 * @param svg       the figure (inline SVG with its cells' bits, tensor and index)
 * @param source    one sentence saying where the numbers come from, shown under the figure: capture, tensor,
 *                  shape, step and precision
 * @param data      provenance written on the page's {@code <figure>} element as {@code data-*} attributes, in order,
 *                  so a verifier can find the capture, tensor and hash lock of every cell without reading prose
 */
public record LessonFigure(Directive directive, SvgFigure svg, String source, Map<String, String> data) {

    public LessonFigure {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** The author's {@code caption=}, or empty. */
    public String caption() {
        return directive.optional("caption", "");
    }
}
