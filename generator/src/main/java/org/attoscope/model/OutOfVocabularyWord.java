package org.attoscope.model;

import java.util.List;

/** A word the vocabulary lacks, read as {@code <unk>}: where it is, what was written, and the closest words the model does know. */
public record OutOfVocabularyWord(int position, String word, String source, List<String> nearest) {

    public OutOfVocabularyWord {
        nearest = List.copyOf(nearest);
    }

    /** Longer written words are cut in messages: a 5 MB "word" would otherwise be the whole message. */
    private static final int SHOWN = 40;

    public String describe() {
        return "\"" + shown() + "\" at token " + position + " is not in the vocabulary (read as <unk>); " + nearestText();
    }

    /** The source as messages show it, cut to {@value #SHOWN} characters. */
    public String shown() {
        return source.length() <= SHOWN ? source : source.substring(0, SHOWN) + "... (" + source.length() + " characters)";
    }

    /** {@code nearest words: a, b, c}, or why none were looked for. */
    public String nearestText() {
        if (!nearest.isEmpty()) {
            return "nearest words: " + String.join(", ", nearest);
        }
        return word.length() > Tokenizer.LONGEST_SUGGESTED
                ? "no nearest words looked for (longer than " + Tokenizer.LONGEST_SUGGESTED + " letters)"
                : "no nearest words looked for (only the first " + Tokenizer.DISTINCT_SUGGESTED + " distinct unknown words of a text get them)";
    }
}
