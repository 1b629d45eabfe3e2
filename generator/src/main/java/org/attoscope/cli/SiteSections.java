package org.attoscope.cli;

import java.nio.file.Path;
import java.util.List;
import org.attoscope.lessons.LessonSection;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.SiteSection;
import org.attoscope.playground.PlaygroundSection;

/** The parts of the site beyond its stories, the same for every command that renders it. */
final class SiteSections {
    private SiteSections() {
    }

    static List<SiteSection> of(Path content, ModelBundle bundle) {
        return List.of(new LessonSection(content, bundle), new PlaygroundSection(bundle));
    }
}
