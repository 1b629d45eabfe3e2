package org.attoscope.lessons;

/**
 * A lesson as lists and links show it.
 *
 * @param number  its place in the book
 * @param title   its title
 * @param summary its one-paragraph summary
 * @param href    its page, from the site root
 */
public record LessonEntry(int number, String title, String summary, String href) {

    /** The number as the contents show it: two digits, like the file name. */
    public String numberText() {
        return String.format(java.util.Locale.ROOT, "%02d", number);
    }

    static LessonEntry of(Lesson lesson) {
        return new LessonEntry(lesson.number(), lesson.title(), lesson.summary(), lesson.href());
    }
}
