package org.attoscope.lessons;

import java.util.Set;

/** One kind of figure a lesson can ask for by a fenced block's info string. */
interface FigureDirective {

    /** The info string's first word. */
    String name();

    /** Every attribute it understands; {@code caption} is understood by all. */
    Set<String> attributes();

    /**
     * Draws the figure. Attributes have been checked against {@link #attributes()}; everything else about them
     * (presence, ranges, the capture and tensor they name) is checked here and reported with
     * {@link Directive#problem}.
     */
    LessonFigure render(Directive directive, LessonSources sources);
}
