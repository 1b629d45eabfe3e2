package org.attoscope.lessons;

import java.util.Map;
import org.attoscope.pages.Addresses;
import org.attoscope.pages.Fragments;

/**
 * The {@code <figure>} around a directive's SVG, written by the template fragment {@code figures :: lesson-figure}:
 * numbered, with the author's caption and the sentence saying where its numbers come from, and its provenance as
 * {@code data-*} attributes (capture, tensor, shape, dtype, sha256 of the tensor's bytes) plus {@code data-from},
 * the lesson file and line of the directive.
 */
final class FigureHtml {
    static final String TEMPLATE = "figures";

    /**
     * What the fragment shows.
     *
     * @param id        the figure's id on the page ({@link Addresses#figureId})
     * @param directive the directive's name ({@code heatmap})
     * @param from      the lesson file and line of the directive ({@code 03-attention.md:12})
     * @param caption   the author's caption, stripped, or empty
     */
    public record View(int number, String id, String directive, String from, Map<String, String> data, String svg, String caption,
                       String source, String explorer, String point) {
    }

    private FigureHtml() {
    }

    /** What the fragment shows of figure {@code number} of {@code lesson}. */
    static View view(int number, LessonFigure figure, Lesson lesson) {
        return new View(number, Addresses.figureId(number), figure.directive().name(), lesson.file().getFileName() + ":" + figure.directive().line(),
                figure.data(), figure.svg().svg(), figure.caption().strip(), figure.source(), explorerLink(figure, lesson),
                figure.data().get("data-point"));
    }

    static String render(Fragments fragments, View view) {
        return fragments.fragment(TEMPLATE, "lesson-figure", Map.of("figure", view));
    }

    /** A figure drawn from a story's point links to that point in the story's explorer; null for any other figure. */
    private static String explorerLink(LessonFigure figure, Lesson lesson) {
        String story = figure.data().get("data-story");
        String point = figure.data().get("data-point");
        if (story == null || point == null) {
            return null;
        }
        return Addresses.link(lesson.href(), Addresses.explorer(story)) + Addresses.point(Integer.parseInt(point));
    }

    /** A formula shown on its own line; {@code svg} is the formula's figure. */
    static String mathDisplay(Fragments fragments, String svg) {
        return fragments.fragment(TEMPLATE, "math-display", Map.of("svg", svg));
    }

    /** A formula inside a sentence. */
    static String mathInline(Fragments fragments, String svg) {
        return fragments.fragment(TEMPLATE, "math-inline", Map.of("svg", svg));
    }
}
