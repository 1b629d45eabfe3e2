package org.attoscope.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Markup a page embeds exactly as it is, kept out of Thymeleaf's way. {@code th:utext} parses the text it inserts
 * into markup events and writes them out again, which for a lesson's hundreds of kilobytes of figures costs more
 * than all the rest of its page; so the page's variables carry a short stand-in for each piece ({@link #hold}), the
 * template inserts that, and the renderer puts the pieces in place once the template has run, before the page's
 * Content-Security-Policy is sealed over the whole of it.
 *
 * <p>A page's pieces travel with its variables, under {@link #VARIABLE}. A stand-in is a tag no template or escaped
 * text can produce, and a piece is whatever Thymeleaf would have written for it: markup that is put in as written.
 */
public final class Verbatim {
    /** The variable under which a page's variables hold its pieces. */
    public static final String VARIABLE = "attoscopeVerbatim";
    private static final String STAND_IN = "<attoscope-verbatim-";

    private final List<String> pieces = new ArrayList<>();

    /** The stand-in to give the template in place of {@code markup}. */
    public String hold(String markup) {
        pieces.add(markup);
        return STAND_IN + (pieces.size() - 1) + ">";
    }

    /** {@code html} with every stand-in replaced by its piece. */
    String restore(String html) {
        if (pieces.isEmpty()) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + pieces.stream().mapToInt(String::length).sum());
        int at = 0;
        for (int found = html.indexOf(STAND_IN); found >= 0; found = html.indexOf(STAND_IN, at)) {
            int close = html.indexOf('>', found);
            out.append(html, at, found).append(pieces.get(Integer.parseInt(html.substring(found + STAND_IN.length(), close))));
            at = close + 1;
        }
        return out.append(html, at, html.length()).toString();
    }

    /** The pieces {@code variables} hold, or none. */
    static Verbatim of(Map<String, Object> variables) {
        return variables.get(VARIABLE) instanceof Verbatim v ? v : new Verbatim();
    }
}
