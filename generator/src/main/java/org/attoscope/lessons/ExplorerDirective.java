package org.attoscope.lessons;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.attoscope.pages.TracedStory;
import org.attoscope.trace.PredictionPoint;

/**
 * {@code explorer story=SLUG point=N}: one prediction point of a story, drawn as its explorer would show it, but
 * fixed on the page: what each head read at position N, and the most likely next tokens. The numbers are the site
 * build's own trace of the story, the same the story's explorer page embeds.
 */
final class ExplorerDirective implements FigureDirective {
    static final int PREDICTIONS = 6;

    @Override
    public String name() {
        return "explorer";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("story", "point", "caption");
    }

    @Override
    public LessonFigure render(Directive d, LessonSources sources) {
        StoryPoint at = StoryPoint.of(d, sources);
        String slug = at.slug();
        TracedStory story = at.story();
        PredictionPoint point = at.point();
        int focus = point.focus();
        var svg = Figures.draw(d, () -> PointFigure.render(sources.fragments(), slug, story.trace().tokens(), point,
                sources.bundle().config().blockSize(), PREDICTIONS));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("data-story", slug);
        data.put("data-point", Integer.toString(focus));
        data.put("data-model-sha256", sources.bundle().sha256());
        return new LessonFigure(d, svg, "Story " + slug + ", prediction point " + focus + ", traced by the model when "
                + "this site was built; attention weights are the engine's float32, shown to 6 significant digits, "
                + "probabilities as percentages, as on the story's explorer page.", data);
    }
}
