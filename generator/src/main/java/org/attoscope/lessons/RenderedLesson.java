package org.attoscope.lessons;

import java.util.List;

/**
 * A lesson turned into HTML.
 *
 * @param lesson  the source
 * @param html    the body: headings with ids, figures and formulas as inline SVG, footnotes at the end
 * @param toc     its sections and subsections, in order
 * @param figures every directive's figure, in order (figure n has id {@code figure-n})
 */
public record RenderedLesson(Lesson lesson, String html, List<TocEntry> toc, List<LessonFigure> figures) {

    public RenderedLesson {
        toc = List.copyOf(toc);
        figures = List.copyOf(figures);
    }
}
