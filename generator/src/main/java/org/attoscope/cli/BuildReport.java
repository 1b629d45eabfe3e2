package org.attoscope.cli;

import java.util.Locale;
import org.attoscope.pages.SiteBuild;

/** The line a build ends with: what it made, and how long it took. */
final class BuildReport {
    private BuildReport() {
    }

    static String of(SiteBuild.Summary s) {
        return String.format(Locale.ROOT, "built %s in %.1f s: %,d pages, %,d stories, %,d prediction points, %,d figures, %,d unknown words",
                s.out(), s.millis() / 1000.0, s.pages(), s.stories(), s.points(), s.figures(), s.unknownWords());
    }
}
