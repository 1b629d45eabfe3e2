package org.attoscope.lessons;

import java.util.Map;

/**
 * The {@code <figure>} around a directive's SVG: numbered, with the author's caption and the sentence saying where
 * its numbers come from, and its provenance as {@code data-*} attributes (capture, tensor, shape, dtype, sha256 of
 * the tensor's bytes) plus {@code data-from}, the lesson file and line of the directive.
 */
final class FigureHtml {

    private FigureHtml() {
    }

    static String render(int number, LessonFigure figure, Lesson lesson) {
        StringBuilder sb = new StringBuilder();
        sb.append("<figure class=\"figure lesson-figure lesson-figure-").append(figure.directive().name())
                .append("\" id=\"figure-").append(number).append("\" data-directive=\"")
                .append(figure.directive().name()).append("\" data-from=\"")
                .append(Html.escape(lesson.file().getFileName() + ":" + figure.directive().line())).append('"');
        for (Map.Entry<String, String> e : figure.data().entrySet()) {
            sb.append(' ').append(e.getKey()).append("=\"").append(Html.escape(e.getValue())).append('"');
        }
        // Focusable and named: on a phone a wide figure scrolls inside it, and keyboard readers must reach that too.
        sb.append(">\n<div class=\"figure-svg\" tabindex=\"0\" role=\"group\" aria-label=\"Figure ").append(number)
                .append("\">").append(figure.svg().svg()).append("</div>\n<figcaption>")
                .append("<strong>Figure ").append(number).append(".</strong> ");
        if (!figure.caption().isBlank()) {
            sb.append(Html.escape(figure.caption().strip())).append(' ');
        }
        sb.append("<span class=\"figure-source\">").append(Html.escape(figure.source())).append("</span>");
        // A figure drawn from a story's point links to that point in the story's explorer (lessons sit two
        // folders below the site root, as LessonLinks resolves story links).
        String story = figure.data().get("data-story");
        String point = figure.data().get("data-point");
        if (story != null && point != null) {
            sb.append(" <a class=\"figure-explore\" href=\"../../explore/").append(Html.escape(story))
                    .append("/index.html#p").append(Html.escape(point)).append("\">See point ").append(Html.escape(point))
                    .append(" in the story&#8217;s explorer</a>");
        }
        sb.append("</figcaption>\n</figure>\n");
        return sb.toString();
    }
}
