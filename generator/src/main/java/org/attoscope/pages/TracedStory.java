package org.attoscope.pages;

import java.util.List;
import org.attoscope.content.Story;
import org.attoscope.content.StoryVocabulary;
import org.attoscope.model.Encoding;
import org.attoscope.trace.PromptTrace;

/**
 * A story with what the model made of it: its tokens, every prediction point, and its unknown words.
 *
 * @param story       the story as explored: the whole story, or its beginning when it is longer than
 *                    {@link StoryExcerpt#MAX_TOKENS}
 * @param storyTokens tokens of the whole story as written
 */
public record TracedStory(Story story, Encoding encoding, PromptTrace trace, List<StoryVocabulary.Warning> unknownWords,
                          int storyTokens) {

    public TracedStory {
        unknownWords = List.copyOf(unknownWords);
    }

    /** A story explored whole: its length is its encoding's. */
    public TracedStory(Story story, Encoding encoding, PromptTrace trace, List<StoryVocabulary.Warning> unknownWords) {
        this(story, encoding, trace, unknownWords, encoding.size());
    }

    static TracedStory of(ReadStory read, PromptTrace trace) {
        return new TracedStory(read.explored(), read.encoding(), trace, read.unknownWords(), read.storyTokens());
    }
}
