package org.attoscope.pages;

import java.util.ArrayList;
import java.util.List;
import org.attoscope.content.Story;
import org.attoscope.content.StoryVocabulary;
import org.attoscope.model.Encoding;
import org.attoscope.model.Tokenizer;

/**
 * A story read and checked before the model runs: everything the story lists need, so every input error of a
 * build is found before the first model run, and the lists can be rendered before any story is traced. The story
 * is tokenised once, here; its explorer and its trace use these tokens.
 *
 * @param story        the story as written
 * @param explored     the part its explorer covers ({@link StoryExcerpt})
 * @param encoding     the tokens of {@code explored}
 * @param storyTokens  tokens of the whole story, {@code <bos>} included
 * @param unknownWords the whole story's words outside the vocabulary
 * @param search       its entry in the site's search, made once with the reading, as serve keeps an unchanged story's
 */
record ReadStory(Story story, Story explored, Encoding encoding, int storyTokens, List<StoryVocabulary.Warning> unknownWords,
                 SearchEntry search) {
    /** Unknown-word warnings printed per story; a long story of rare words would otherwise flood the terminal. */
    static final int WARNINGS_PER_STORY = 10;

    ReadStory {
        unknownWords = List.copyOf(unknownWords);
    }

    /** Checks the vocabulary (throws for a story with no known word) and cuts the excerpt. */
    static ReadStory of(Story story, Tokenizer tokenizer) {
        Encoding whole = tokenizer.encode(story.text());
        List<StoryVocabulary.Warning> unknown = StoryVocabulary.check(story, whole, tokenizer);
        return new ReadStory(story, StoryExcerpt.of(story, whole), StoryExcerpt.tokens(whole), whole.size(), unknown,
                SearchEntry.story(story));
    }

    /** The lines to print about the story's unknown words: the first few, then how many more there are. */
    List<String> warnings() {
        List<String> out = new ArrayList<>();
        unknownWords.stream().limit(WARNINGS_PER_STORY).forEach(w -> out.add(w.message()));
        if (unknownWords.size() > WARNINGS_PER_STORY) {
            out.add(story.file() + ": " + (unknownWords.size() - WARNINGS_PER_STORY)
                    + " more words are not in the vocabulary (read as <unk>).");
        }
        return out;
    }

    /** Prediction points the explorer embeds: one per explored token. */
    int exploredTokens() {
        return encoding.size();
    }

    StoryEntry entry() {
        return StoryEntry.of(story, storyTokens, unknownWords.size());
    }
}
