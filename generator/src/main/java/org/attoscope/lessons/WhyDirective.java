package org.attoscope.lessons;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.attoscope.figures.AblationsFigure;
import org.attoscope.figures.AttributionFigure;
import org.attoscope.pages.TracedStory;
import org.attoscope.trace.PredictionPoint;

/**
 * {@code attribution story=SLUG point=N [target=T]} and {@code ablations story=SLUG point=N [target=T]}: one
 * point's why and what-if (FORMATS.md section 3.1), drawn from the build's own explained trace of the story, the
 * data its explorer embeds. {@code target} is a token of the point's explained targets (default: the top prediction).
 */
final class WhyDirective implements FigureDirective {
    private final String name;

    private WhyDirective(String name) {
        this.name = name;
    }

    static WhyDirective attribution() {
        return new WhyDirective("attribution");
    }

    static WhyDirective ablations() {
        return new WhyDirective("ablations");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> attributes() {
        return Set.of("story", "point", "target", "caption");
    }

    @Override
    public LessonFigure render(Directive d, LessonSources sources) {
        StoryPoint at = StoryPoint.of(d, sources);
        String slug = at.slug();
        TracedStory story = at.story();
        PredictionPoint point = at.point();
        int focus = point.focus();
        if (point.explain() == null) {
            throw new IllegalStateException("story " + slug + " was traced without explain; the build always explains");
        }
        var targets = point.explain().targets().stream().map(t -> t.token()).toList();
        String asked = d.optional("target", null);
        int target = asked == null ? 0 : targets.indexOf(asked);
        if (target < 0) {
            throw d.problem("\"" + asked + "\" is not explained at point " + focus + " of " + slug + ".",
                    "use one of " + String.join(", ", targets) + " (the top three predictions and the actual next token).");
        }
        var tokens = story.trace().tokens();
        var svg = Figures.draw(d, () -> name.equals("attribution")
                ? AttributionFigure.render(slug, tokens, point, target)
                : AblationsFigure.render(slug, tokens, point, target));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("data-story", slug);
        data.put("data-point", Integer.toString(focus));
        data.put("data-model-sha256", sources.bundle().sha256());
        return new LessonFigure(d, svg, "Story " + slug + ", prediction point " + focus + ", explained by the model when "
                + "this site was built (FORMATS.md 3.1), the same data the story's explorer embeds.", data);
    }
}
