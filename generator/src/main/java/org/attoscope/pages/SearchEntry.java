package org.attoscope.pages;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.attoscope.content.Story;

/**
 * One page the site's search finds.
 *
 * @param kind        "Story" or "Lesson", shown with the result
 * @param title       the page's title, ranked above the rest
 * @param description the line shown under the result (a story's note or opening, a lesson's summary)
 * @param words       every distinct word the page is found by, lower case without accents, space-separated in
 *                    first-seen order: each word once, so a long story costs its vocabulary, not its length
 * @param href        the page's address from the site root
 */
public record SearchEntry(String kind, String title, String description, String words, String href) {
    /** How much of a story's opening stands in for a note it does not have. */
    static final int DESCRIPTION_CHARS = 160;

    /** An entry found by the words of {@code title}, {@code description} and {@code text}. */
    public static SearchEntry of(String kind, String title, String description, String text, String href) {
        return new SearchEntry(kind, title, description, String.join(" ", words(title + " " + description + " " + text)), href);
    }

    /** The distinct words of {@code text} as the search script splits a query: letters and digits, folded. */
    static Set<String> words(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        Set<String> out = new LinkedHashSet<>();
        for (String w : folded.split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The first {@link #DESCRIPTION_CHARS} characters of {@code text}, cut at a space, with an ellipsis if cut. */
    static String opening(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= DESCRIPTION_CHARS) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', DESCRIPTION_CHARS);
        return flat.substring(0, cut > 0 ? cut : DESCRIPTION_CHARS) + "\u2026";
    }

    /** A story's entry: found by its title, note and whole text; described by its note, else its opening. */
    static SearchEntry story(Story s) {
        String note = s.note() == null ? "" : s.note();
        return of("Story", s.title(), note.isBlank() ? opening(s.text()) : note, s.text(), Addresses.explorer(s.slug()));
    }
}
