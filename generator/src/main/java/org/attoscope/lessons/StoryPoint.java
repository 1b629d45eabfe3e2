package org.attoscope.lessons;

import org.attoscope.content.Suggestions;
import org.attoscope.pages.TracedStory;
import org.attoscope.trace.PredictionPoint;

/**
 * The story and prediction point a directive names with {@code story=SLUG point=N}: the explorer, attribution and
 * ablations figures all draw one point, and an unknown story or a point out of range fails at the lesson's line.
 */
record StoryPoint(String slug, TracedStory story, PredictionPoint point) {

    static StoryPoint of(Directive d, LessonSources sources) {
        String slug = d.required("story");
        TracedStory story = sources.stories().get(slug);
        if (story == null) {
            throw d.problem("there is no story " + slug + ".", Suggestions.didYouMean(slug, sources.stories().slugs())
                    + "use the name of a file in content/stories without .md: "
                    + String.join(", ", sources.stories().slugs()) + ".");
        }
        var points = story.trace().points();
        int first = points.get(0).focus();
        int last = points.get(points.size() - 1).focus();
        int focus = d.integer("point", d.required("point"), first, last, "story " + slug + " has prediction points "
                + "at positions " + first + " to " + last);
        return new StoryPoint(slug, story, points.stream().filter(p -> p.focus() == focus).findFirst().orElseThrow());
    }
}
