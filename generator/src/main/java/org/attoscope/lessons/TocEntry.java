package org.attoscope.lessons;

/**
 * One heading in a lesson's table of contents.
 *
 * @param level 2 for a section, 3 for a subsection
 * @param id    the heading's id on the page (flexmark's header id, stable for the same text)
 * @param text  the heading's text as a reader sees it (its Markdown marks, such as code spans' backticks, left out)
 */
public record TocEntry(int level, String id, String text) {
}
