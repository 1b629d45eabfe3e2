package org.attoscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.attoscope.testing.TestModels;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    final Tokenizer tok = TestModels.realBundle().tokenizer();

    private List<String> tokens(String text) {
        return tok.encode(text).tokens().stream().map(t -> tok.word(t.id())).toList();
    }

    @Test
    void lowerCasesAndSplitsWordsFromTheFourMarks() {
        assertEquals(List.of("<bos>", "once", "upon", "a", "time", ",", "there", "was", "lily", "."),
                tokens("Once upon a TIME, there was Lily."));
    }

    @Test
    void everythingOutsideLettersAndMarksSeparates() {
        assertEquals(List.of("<bos>", "tom", "s", "dog", "ate", "cookies", "!", "really", "?", "!"),
                tokens("Tom's dog\tate 3 cookies!\n\n  Really?!"));
    }

    @Test
    void unknownWordsKeepWhatTheReaderWroteAndSuggestNearestWords() {
        Encoding e = tok.encode("the zebra drank café au lait");
        OutOfVocabularyWord cafe = e.unknownWords().stream().filter(w -> w.word().equals("caf")).findFirst().orElseThrow();
        assertEquals("café", cafe.source(), "the accent is a separator for the model, not for the reader");
        assertEquals(4, cafe.position());
        assertEquals(tok.unkId(), e.ids()[4]);
        assertEquals(List.of("can", "car", "cat"), cafe.nearest(), "all one edit away, so by frequency rank");
    }

    @Test
    void nearestWordsAreByEditDistanceThenFrequencyRank() {
        assertEquals(List.of("telephone", "phone", "microphone"), tok.nearest("xylophone", 3));
        assertEquals("lily", tok.nearest("lilyy", 1).get(0));
    }

    @Test
    void decodeAttachesMarksToTheWordBefore() {
        int[] ids = tok.encode("Once upon a time , there was a girl !").ids();
        assertEquals("once upon a time, there was a girl!", tok.decode(ids));
    }
}
