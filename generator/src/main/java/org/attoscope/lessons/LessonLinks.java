package org.attoscope.lessons;

import org.attoscope.content.Suggestions;
import org.attoscope.pages.Addresses;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a link in a lesson may point, written as a path between content files so it also works where the Markdown
 * is read as it is (an editor, a repository browser), and rewritten to the page it becomes. Every link on the site
 * is relative, so the site works from any folder and from file://.
 *
 * <ul>
 *   <li>{@code #heading-id}: a heading of the same lesson, unchanged;</li>
 *   <li>{@code 04-mlp.md} or {@code 04-mlp.md#logits}: another lesson, to {@code ../04-mlp/index.html#logits};</li>
 *   <li>{@code ../stories/spot-ran.md}: a story, to its explorer {@code ../../explore/spot-ran/index.html}.</li>
 * </ul>
 */
final class LessonLinks {
    private static final Pattern LESSON = Pattern.compile("(\\d{2}-[a-z0-9-]+)\\.md(#[^\\s]*)?");
    private static final Pattern STORY = Pattern.compile("\\.\\./stories/([a-z0-9]+(?:-[a-z0-9]+)*)\\.md");

    private final String from;
    private final Book book;
    private final Set<String> stories;

    /** @param from the address of the lesson's own page, which its links are relative to */
    LessonLinks(String from, Book book, Set<String> stories) {
        this.from = from;
        this.book = book;
        this.stories = stories;
    }

    /** The link as the page writes it; {@code what} names it in errors ("link", "image"). */
    String resolve(Directive where, String url) {
        if (url.startsWith("#") && url.length() > 1) {
            return url;
        }
        Matcher lesson = LESSON.matcher(url);
        if (lesson.matches()) {
            String name = lesson.group(1);
            if (book.byFileName(name + ".md").isEmpty()) {
                throw where.problem("the link " + url + " points to no lesson.", Suggestions.didYouMean(name + ".md",
                        book.lessons().stream().map(l -> l.name() + ".md").toList()) + "link to a file in content/lessons.");
            }
            return Addresses.link(from, Addresses.lesson(name)) + (lesson.group(2) == null ? "" : lesson.group(2));
        }
        Matcher story = STORY.matcher(url);
        if (story.matches()) {
            if (!stories.contains(story.group(1))) {
                throw where.problem("the link " + url + " points to no story.",
                        "link to a file in content/stories, as ../stories/SLUG.md.");
            }
            return Addresses.link(from, Addresses.explorer(story.group(1)));
        }
        throw where.problem("the link " + url + " is not one a lesson can use: pages link only within the site, "
                + "relatively, so that it works offline and from any folder.",
                "link to a heading (#id), a lesson (NN-slug.md) or a story (../stories/SLUG.md); name outside sources "
                        + "in the text or a footnote instead.");
    }
}
