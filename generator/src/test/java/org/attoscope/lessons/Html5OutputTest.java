package org.attoscope.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Lesson HTML is HTML: no XHTML-style void elements, while the SVG figures inside keep their self-closing tags. */
class Html5OutputTest {
    @Test
    void htmlVoidElementsLoseTheirSlashAndSvgKeepsIt() {
        assertEquals("<div class=\"footnotes\">\n<hr>\n<ol>", LessonMarkdown.html5("<div class=\"footnotes\">\n<hr />\n<ol>"));
        assertEquals("a<br>b<br class=\"x\">", LessonMarkdown.html5("a<br />b<br class=\"x\"/>"));
        String svg = "<svg role=\"img\"><rect x=\"1\" /><path d=\"M0 0\"/></svg>";
        assertEquals(svg, LessonMarkdown.html5(svg));
    }
}
