package org.attoscope.pages;

/**
 * One token of the explorer's strip. Its attention bars are drawn by the explorer script (without it the panel
 * lists what each head read).
 *
 * @param position  absolute position in the story
 * @param token     the vocabulary word ({@code <unk>} for a word the model does not know)
 * @param source    what the author wrote there, shown under {@code <unk>}; null when it reads as written
 * @param kind      "word", "mark" (punctuation, set tight against the word before), "unknown" or "special" ({@code <bos>})
 * @param before    characters of the text the tokenizer skips before this token (quote marks, digits), shown faintly
 * @param paragraph true when a blank line precedes the token in the text
 * @param state     CSS state classes for the rendered point: focus, future, outside the window
 */
public record TokenCell(int position, String token, String source, String kind, String before, boolean paragraph,
                        String state) {

    /** The cell's classes; the explorer script builds the same string (explorer.js, cellClass). */
    public String cssClass() {
        return "tok " + kind + (state.isEmpty() ? "" : " " + state);
    }

    /** How the reader sees the token in lists: their own word for an unknown one. */
    public String display() {
        return source != null ? source : token;
    }

    /** The token and its position, for tooltips. */
    public String label() {
        return (source != null ? token + " (" + source + ")" : token) + ", position " + position;
    }
}
