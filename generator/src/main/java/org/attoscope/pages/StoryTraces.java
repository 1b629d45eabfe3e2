package org.attoscope.pages;

import java.util.SortedSet;
import org.attoscope.content.Story;

/**
 * The site's stories as a section sees them: by slug, traced only when asked, so a build never holds every
 * trace at once and a rebuild traces nothing a changed page does not need.
 */
public interface StoryTraces {
    /** Every story's slug. */
    SortedSet<String> slugs();

    /** The story as its explorer covers it (what its trace is computed from), or null when there is no such story. */
    Story explored(String slug);

    /** The story with its prediction points, or null when there is no such story. */
    TracedStory get(String slug);
}
