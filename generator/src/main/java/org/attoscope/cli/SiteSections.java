package org.attoscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.attoscope.lessons.LessonCache;
import org.attoscope.lessons.LessonSection;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.SiteSection;
import org.attoscope.playground.PlaygroundSection;

/** The parts of the site beyond its stories, the same for every command that renders it. */
final class SiteSections {
    private SiteSections() {
    }

    static List<SiteSection> of(Path content, ModelBundle bundle) {
        return of(content, bundle, LessonCache.none());
    }

    /** @param lessons what the lessons drew earlier in the same session ({@code serve}), reused where unchanged */
    static List<SiteSection> of(Path content, ModelBundle bundle, LessonCache lessons) {
        return List.of(new LessonSection(content, bundle, lessons), new PlaygroundSection(bundle));
    }

    /**
     * The sections as one {@code serve} session reads them on every update: afresh from the content folder, with
     * the lessons drawing through the session's one {@link LessonCache}.
     */
    static Function<Path, List<SiteSection>> live(ModelBundle bundle) {
        LessonCache lessons = LessonCache.warm();
        return content -> of(content, bundle, lessons);
    }
}
