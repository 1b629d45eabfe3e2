package org.attoscope.verify;

/**
 * The text of an explorer page's points script, {@code <script type="application/json" id="attoscope-points">},
 * found by plain string search: the first such opening tag and the first {@code </script>} after it. Used where only
 * a little of the points is needed before the page's real check (which parses the page with jsoup); a lazy regular
 * expression over a script of megabytes cost more than the rest of that read.
 */
final class PointsScript {
    private static final String OPEN = "<script type=\"application/json\" id=\"" + PointsCheck.SCRIPT_ID + "\">";
    private static final String CLOSE = "</script>";

    private PointsScript() {
    }

    /** The script's text, or null when the page has no such script or it is not closed. */
    static String in(String html) {
        int open = html.indexOf(OPEN);
        if (open < 0) {
            return null;
        }
        int from = open + OPEN.length();
        int close = html.indexOf(CLOSE, from);
        return close < 0 ? null : html.substring(from, close);
    }
}
