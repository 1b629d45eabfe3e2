package org.attoscope.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.attoscope.InputException;
import org.attoscope.model.Tokenizer;
import org.attoscope.testing.TinyBundle;
import org.junit.jupiter.api.Test;

class StoryVocabularyTest {
    private final Tokenizer tokenizer = new Tokenizer(TinyBundle.WORDS);

    private static Story story(String text) {
        return new Story(Path.of("content/stories/s.md"), "s", "S", null, text, 5);
    }

    @Test
    void unknownWordsAreWarningsWithTheirFileLine() {
        List<StoryVocabulary.Warning> w = StoryVocabulary.check(story("The cat sat.\nThe zebra ran!"), tokenizer);
        assertEquals(1, w.size());
        assertEquals("zebra", w.get(0).word().source());
        assertEquals(6, w.get(0).line());
        assertTrue(w.get(0).message().startsWith("content/stories/s.md:6: \"zebra\" at token 6"), w.get(0).message());
        assertTrue(w.get(0).message().contains("nearest words"), w.get(0).message());
    }

    @Test
    void aWordThatRecursIsOneWarningListingEveryPosition() {
        List<StoryVocabulary.Warning> w = StoryVocabulary.check(story("The zebra sat. A Zebra ran, the zebra sat."), tokenizer);
        assertEquals(1, w.size(), "one unknown word, however often it is written");
        assertEquals(List.of(2, 6, 10), w.get(0).positions());
        assertTrue(w.get(0).message().startsWith("content/stories/s.md:5: \"zebra\" at tokens 2, 6, 10 is not in the vocabulary"),
                w.get(0).message());
    }

    @Test
    void aStoryOfOnlyUnknownWordsIsAnErrorThatSuggestsWords() {
        InputException e = assertThrows(InputException.class, () -> StoryVocabulary.check(story("Zebras jumped!"), tokenizer));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("none of the story's words"), e.getMessage());
        assertTrue(e.getMessage().contains("\"Zebras\" (nearest:"), e.getMessage());
    }

    @Test
    void aStoryOfMarksAndDigitsHasNoWordsToRead() {
        InputException e = assertThrows(InputException.class, () -> StoryVocabulary.check(story("123 ... !!"), tokenizer));
        assertTrue(e.getMessage().contains("no words the model can read"), e.getMessage());
    }
}
