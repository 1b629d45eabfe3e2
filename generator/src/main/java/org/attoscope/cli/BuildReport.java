package org.attoscope.cli;

import java.util.Locale;
import org.attoscope.pages.SiteBuild;

/** The line a build ends with: what it made, and how long it took. */
final class BuildReport {
    private BuildReport() {
    }

    static String of(SiteBuild.Summary s) {
        return "built " + count(s.pages(), "page") + " (" + count(s.stories(), "story") + ", " + count(s.points(), "prediction point")
                + ", " + count(s.unknownWords(), "unknown word") + ") into " + s.out()
                + String.format(Locale.ROOT, " in %.1f s; %s", s.millis() / 1000.0, count(s.figures(), "figure"))
                + (s.cellsVerified() > 0 ? ", " + count(s.cellsVerified(), "cell") + " verified" : "")
                + (s.cachedPages() > 0 ? " (" + count(s.cachedPages(), "page") + " unchanged since a clean check, from the verification cache)" : "");
    }

    static String count(int n, String noun) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? noun : plural);
    }
}
