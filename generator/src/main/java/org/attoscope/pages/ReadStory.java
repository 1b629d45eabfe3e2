package org.attoscope.pages;

import java.util.List;
import org.attoscope.content.Story;
import org.attoscope.content.StoryVocabulary;
import org.attoscope.model.Encoding;
import org.attoscope.model.Tokenizer;

/**
 * A story read and checked before the model runs: everything the story lists need, so every input error of a
 * build is found before the first model run, and the lists can be rendered before any story is traced.
 *
 * @param story        the story as written
 * @param explored     the part its explorer covers ({@link StoryExcerpt})
 * @param storyTokens  tokens of the whole story, {@code <bos>} included
 * @param unknownWords the whole story's words outside the vocabulary
 */
record ReadStory(Story story, Story explored, int storyTokens, List<StoryVocabulary.Warning> unknownWords) {

    ReadStory {
        unknownWords = List.copyOf(unknownWords);
    }

    /** Checks the vocabulary (throws for a story with no known word) and cuts the excerpt. */
    static ReadStory of(Story story, Tokenizer tokenizer) {
        List<StoryVocabulary.Warning> unknown = StoryVocabulary.check(story, tokenizer);
        Encoding encoding = tokenizer.encode(story.text());
        return new ReadStory(story, StoryExcerpt.of(story, encoding), encoding.size(), unknown);
    }

    /** Prediction points the explorer embeds: one per explored token. */
    int exploredTokens() {
        return Math.min(storyTokens, StoryExcerpt.MAX_TOKENS);
    }

    StoryEntry entry() {
        return StoryEntry.of(story, storyTokens, unknownWords.size());
    }
}
