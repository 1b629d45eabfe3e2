package org.attoscope.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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

    /**
     * A word the model reads as {@code <unk>}, located in the story file by its first occurrence.
     *
     * @param positions every token position the word occurs at, first first
     */
    public record Warning(Story story, int line, OutOfVocabularyWord word, List<Integer> positions) {
        public Warning {
            positions = List.copyOf(positions);
        }

        public String message() {
            String at = positions.size() == 1 ? "token " + positions.get(0)
                    : "tokens " + positions.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "))
                            + (positions.size() > 10 ? " and " + (positions.size() - 10) + " more" : "");
            return story.file() + ":" + line + ": \"" + word.shown() + "\" at " + at + " is not in the vocabulary (read as <unk>); "
                    + word.nearestText() + ".";
        }
    }

    /** The story's unknown words, one warning per distinct written word, in text order; throws when no word is known. */
    public static List<Warning> check(Story story, Tokenizer tokenizer) {
        return check(story, tokenizer.encode(story.text()), tokenizer);
    }

    /** {@link #check(Story, Tokenizer)} of a story already tokenised: {@code encoding} is its text's. */
    public static List<Warning> check(Story story, Encoding encoding, Tokenizer tokenizer) {
        List<Encoding.Token> tokens = encoding.tokens();
        Map<String, List<OutOfVocabularyWord>> byWord = encoding.unknownWords().stream()
                .collect(Collectors.groupingBy(w -> w.source().toLowerCase(Locale.ROOT), LinkedHashMap::new, Collectors.toList()));
        List<Warning> warnings = byWord.values().stream()
                .map(ws -> new Warning(story, story.lineOf(tokens.get(ws.get(0).position()).start()), ws.get(0),
                        ws.stream().map(OutOfVocabularyWord::position).toList()))
                .toList();
        boolean knowsAWord = tokens.stream().skip(1)
                .anyMatch(t -> t.id() != tokenizer.unkId() && Character.isLetter(t.text().charAt(0)));
        if (!knowsAWord) {
            String problem = warnings.isEmpty()
                    ? "the story has no words the model can read (only marks, digits or symbols)."
                    : "none of the story's words are in the model's vocabulary (" + String.join(", ",
                            warnings.stream().limit(5).map(w -> "\"" + w.word().shown() + "\" (" + (w.word().nearest().isEmpty() ? w.word().nearestText()
                                    : "nearest: " + String.join(", ", w.word().nearest())) + ")").toList())
                            + (warnings.size() > 5 ? " and " + (warnings.size() - 5) + " more" : "") + ").";
            throw new InputException(story.file(), story.textLine(), problem,
                    "write the story in simple English words, the kind found in children's stories.");
        }
        return warnings;
    }
}
