package org.attoscope.content;

import java.util.List;
import org.attoscope.InputException;
import org.attoscope.model.Encoding;
import org.attoscope.model.OutOfVocabularyWord;
import org.attoscope.model.Tokenizer;

/**
 * What the model can read of a story: unknown words are worth a warning (they show as {@code <unk>}), but a story
 * in which the model knows no word at all would be an explorer of nothing, so that is an error.
 */
public final class StoryVocabulary {
    private StoryVocabulary() {
    }

    /** A word the model reads as {@code <unk>}, located in the story file. */
    public record Warning(Story story, int line, OutOfVocabularyWord word) {
        public String message() {
            return story.file() + ":" + line + ": " + word.describe() + ".";
        }
    }

    /** The story's unknown words, in text order; throws when no word of the story is in the vocabulary. */
    public static List<Warning> check(Story story, Tokenizer tokenizer) {
        Encoding encoding = tokenizer.encode(story.text());
        List<Encoding.Token> tokens = encoding.tokens();
        List<Warning> warnings = encoding.unknownWords().stream()
                .map(w -> new Warning(story, story.lineOf(tokens.get(w.position()).start()), w))
                .toList();
        boolean knowsAWord = tokens.stream().skip(1)
                .anyMatch(t -> t.id() != tokenizer.unkId() && Character.isLetter(t.text().charAt(0)));
        if (!knowsAWord) {
            String problem = warnings.isEmpty()
                    ? "the story has no words the model can read (only marks, digits or symbols)."
                    : "none of the story's words are in the model's vocabulary (" + String.join(", ",
                            warnings.stream().limit(5).map(w -> "\"" + w.word().source() + "\" (nearest: "
                                    + String.join(", ", w.word().nearest()) + ")").toList()) + ").";
            throw new InputException(story.file(), story.textLine(), problem,
                    "write the story in simple English words, the kind found in children's stories.");
        }
        return warnings;
    }
}
