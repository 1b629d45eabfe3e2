package org.attoscope.model;

import java.util.List;

/** A text as the model reads it: {@code <bos>} then one token per word or mark, each tied to the text it came from. */
public record Encoding(List<Token> tokens, List<OutOfVocabularyWord> unknownWords) {

    public Encoding {
        tokens = List.copyOf(tokens);
        unknownWords = List.copyOf(unknownWords);
    }

    /**
     * One token.
     *
     * @param id     vocabulary id ({@code <unk>}'s for a word the model does not know)
     * @param text   the normalised token ("caf" for "Café")
     * @param start  offset in the original text where it starts
     * @param end    offset just past it
     * @param source what the reader wrote there; for an unknown word the whole written word
     */
    public record Token(int id, String text, int start, int end, String source) {
    }

    public int[] ids() {
        return tokens.stream().mapToInt(Token::id).toArray();
    }

    /**
     * The first {@code n} tokens, with the unknown words among them: what encoding the text up to the end of token
     * {@code n - 1} gives, except that an unknown word there keeps its whole written form as its source.
     */
    public Encoding prefix(int n) {
        if (n >= tokens.size()) {
            return this;
        }
        return new Encoding(tokens.subList(0, n), unknownWords.stream().filter(w -> w.position() < n).toList());
    }

    public int size() {
        return tokens.size();
    }
}
