package org.attoscope.lessons;

import java.util.List;

/**
 * Everything the {@code lesson} template needs for one lesson page.
 *
 * @param entry    this lesson
 * @param html     its rendered body
 * @param toc      its sections, for the "In this lesson" list
 * @param previous the lesson before it, or null for the first
 * @param next     the lesson after it, or null for the last
 * @param position its 1-based place among {@code total} lessons
 * @param total    lessons in the book
 * @param body     what the template writes for {@code html}: its stand-in, which the renderer replaces by {@code html}
 *                 once the template has run ({@link org.attoscope.pages.Verbatim}), sparing Thymeleaf its figures
 */
public record LessonPage(LessonEntry entry, String html, List<TocEntry> toc, LessonEntry previous, LessonEntry next,
                         int position, int total, String body) {

    public LessonPage {
        toc = List.copyOf(toc);
    }
}
