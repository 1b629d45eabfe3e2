package org.attoscope.pages;

import java.util.List;
import org.attoscope.content.Story;
import org.attoscope.content.StoryVocabulary;
import org.attoscope.model.Encoding;
import org.attoscope.trace.PromptTrace;

/** A story with what the model made of it: its tokens, every prediction point, and its unknown words. */
public record TracedStory(Story story, Encoding encoding, PromptTrace trace, List<StoryVocabulary.Warning> unknownWords) {

    public TracedStory {
        unknownWords = List.copyOf(unknownWords);
    }

    StoryEntry entry() {
        return StoryEntry.of(story, encoding.size(), unknownWords.size());
    }
}
