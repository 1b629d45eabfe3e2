package org.attoscope.model;

import java.util.List;

/** A word the vocabulary lacks, read as {@code <unk>}: where it is, what was written, and the closest words the model does know. */
public record OutOfVocabularyWord(int position, String word, String source, List<String> nearest) {

    public OutOfVocabularyWord {
        nearest = List.copyOf(nearest);
    }

    public String describe() {
        return "\"" + source + "\" at token " + position + " is not in the vocabulary (read as <unk>); nearest words: " + String.join(", ", nearest);
    }
}
