package org.attoscope.pages;

import org.attoscope.content.Story;
import org.attoscope.model.Encoding;

/**
 * The part of a story its explorer page embeds.
 *
 * <p>An explorer embeds every prediction point (about 1.4 KB of JSON each, plus a strip cell per token, plus its
 * figures), so a 100,000-word story would make a page of well over 150 MB that no browser opens comfortably. A
 * page explores at most {@link #MAX_TOKENS} tokens, the first four context windows: enough to watch the window
 * slide hundreds of times, in a page of about 3 MB with its figures (1,024 tokens made 5.4 MB). The page says
 * that it shows an excerpt and how long the whole story is.
 */
public final class StoryExcerpt {
    /** Tokens (with {@code <bos>}) an explorer page covers at most. */
    public static final int MAX_TOKENS = 512;

    private StoryExcerpt() {
    }

    /** {@code story} itself when it fits, else a story whose text ends with its {@link #MAX_TOKENS}-th token. */
    public static Story of(Story story, Encoding encoding) {
        if (encoding.size() <= MAX_TOKENS) {
            return story;
        }
        int end = encoding.tokens().get(MAX_TOKENS - 1).end();
        return new Story(story.file(), story.slug(), story.title(), story.note(), story.text().substring(0, end), story.textLine());
    }

    /** The tokens of {@link #of}'s excerpt: the whole story's first {@link #MAX_TOKENS}, without tokenising again. */
    public static Encoding tokens(Encoding encoding) {
        return encoding.prefix(MAX_TOKENS);
    }
}
