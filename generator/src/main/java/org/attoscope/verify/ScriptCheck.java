package org.attoscope.verify;

import java.util.ArrayList;
import java.util.List;
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

    private ScriptCheck() {
    }

    static List<Finding> check(String file, String where, String code) {
        List<Finding> out = new ArrayList<>();
        Matcher m = NETWORK.matcher(code);
        while (m.find()) {
            int line = 1 + (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            out.add(Finding.of(file, where + " line " + line + ": \"" + m.group().strip()
                    + "\" requests something over the network; the site's scripts may only read the page they are on"));
        }
        return out;
    }

    /** Whether a {@code <script>} element holds code a browser runs (not a data block). */
    static boolean isCode(String type) {
        String t = type.strip().toLowerCase(java.util.Locale.ROOT);
        return t.isEmpty() || t.equals("module") || t.equals("text/javascript") || t.equals("application/javascript");
    }
}
