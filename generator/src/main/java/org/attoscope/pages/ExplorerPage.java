package org.attoscope.pages;

import java.util.List;
import org.attoscope.content.Story;

/**
 * Everything the story template needs for one explorer page.
 *
 * @param story         the story as written
 * @param tokenCount    tokens the model reads, {@code <bos>} included
 * @param context       the model's window length
 * @param heads         attention heads, one bar colour each
 * @param tokens        the strip
 * @param after         characters after the last token the tokenizer skips (a closing quote mark), shown faintly
 * @param point         the point the server renders: the story's last, so the page is complete without a script
 * @param pointsJson    the story's FORMATS.md section 3 object, escaped for a script element
 * @param figures       the figure slot under the explorer (attention matrices, surprise strip); may be empty
 * @param previous      the story before this one in the list, or null
 * @param following     the story after this one, or null
 * @param storyTokens   tokens of the whole story; more than {@code tokenCount} when the page explores an excerpt
 * @param why           the "why" view of {@code point}, or null when the points carry no explanation
 */
public record ExplorerPage(Story story, int tokenCount, int context, int heads, List<TokenCell> tokens, String after, PointView point,
                           String pointsJson, List<RenderedFigure> figures, StoryEntry previous, StoryEntry following,
                           int storyTokens, WhyView why) {

    /** Predictions listed per point; the embedded data carries all of them. */
    public static final int SHOWN_PREDICTIONS = 10;

    public ExplorerPage {
        tokens = List.copyOf(tokens);
        figures = List.copyOf(figures);
    }

    public int shownPredictions() {
        return SHOWN_PREDICTIONS;
    }

    /** True when the story is longer than {@link StoryExcerpt#MAX_TOKENS} and the page explores its beginning. */
    public boolean excerpt() {
        return storyTokens > tokenCount;
    }

    /** The whole story's length, with thousands separated ("123,456"). */
    public String storyTokensText() {
        return String.format(java.util.Locale.ROOT, "%,d", storyTokens);
    }

    public boolean slides() {
        return tokenCount > context;
    }
}
