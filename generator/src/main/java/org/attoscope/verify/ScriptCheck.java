package org.attoscope.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for network requests in script code: the browser APIs that fetch ({@code fetch(}, {@code XMLHttpRequest},
 * {@code WebSocket}, {@code EventSource}, {@code sendBeacon}, {@code importScripts}, dynamic {@code import(}) and
 * static {@code import ... from}. The site's scripts read their data from the page they are on, so none of these may
 * appear, even in a comment: a text search cannot tell code from comments, and a false alarm is cheap to fix.
 * JSON data scripts ({@code type="application/json"}) are data, not code, and are not searched.
 */
final class ScriptCheck {
    private static final Pattern NETWORK = Pattern.compile(
            "\\bfetch\\s*\\(|\\bXMLHttpRequest\\b|\\bWebSocket\\b|\\bEventSource\\b|\\bsendBeacon\\b|\\bimportScripts\\b"
                    + "|\\bimport\\s*\\(|^\\s*import\\s+[^;]*\\bfrom\\b", Pattern.MULTILINE);
    /**
     * A word every match of {@link #NETWORK} contains, at its start or (for {@code import ... from}) after the blanks
     * that open its line. {@link #check} tries the pattern only where {@code indexOf} finds one of them, which is far
     * faster than letting the pattern try its eight branches at every character: the playground's weights script
     * alone is 5 MB, searched at the end of every verified build (about 0.4 s that way, in one thread).
     */
    private static final List<String> WORDS = List.of("fetch", "XMLHttpRequest", "WebSocket", "EventSource", "sendBeacon", "import");

    private ScriptCheck() {
    }

    /** The network requests in {@code code}, in order: the matches {@code NETWORK.matcher(code).find()} gives, one by one. */
    static List<Finding> check(String file, String where, String code) {
        List<Finding> out = new ArrayList<>();
        Matcher m = NETWORK.matcher(code).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        for (int start : candidates(code)) {
            if (start >= from && m.region(start, code.length()).lookingAt()) {
                int line = 1 + (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                out.add(Finding.of(file, where + " line " + line + ": \"" + m.group().strip()
                        + "\" requests something over the network; the site's scripts may only read the page they are on"));
                from = m.end();
            }
        }
        return out;
    }

    /**
     * Every place a match could start, ascending: each occurrence of a {@link #WORDS word}, and before an
     * {@code import}, each place in the blanks before it (where {@code ^\s*import} may begin).
     */
    private static SortedSet<Integer> candidates(String code) {
        SortedSet<Integer> at = new TreeSet<>();
        for (String word : WORDS) {
            for (int i = code.indexOf(word); i >= 0; i = code.indexOf(word, i + 1)) {
                at.add(i);
                if (word.equals("import")) {
                    for (int b = i - 1; b >= 0 && isBlank(code.charAt(b)); b--) {
                        at.add(b);
                    }
                }
            }
        }
        return at;
    }

    /** {@code \s} of {@link Pattern} without flags. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Whether a {@code <script>} element holds code a browser runs (not a data block). */
    static boolean isCode(String type) {
        String t = type.strip().toLowerCase(java.util.Locale.ROOT);
        return t.isEmpty() || t.equals("module") || t.equals("text/javascript") || t.equals("application/javascript");
    }
}
