package org.attoscope.pages;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.attoscope.content.Story;

/**
 * The site's stories as a section sees them: by slug, traced only when asked, so a build never holds every
 * trace at once and a rebuild traces nothing a changed page does not need.
 */
public interface StoryTraces {
    /** Stories traced already (tests, tools that trace themselves). */
    static StoryTraces of(List<TracedStory> traced) {
        Map<String, TracedStory> bySlug = new TreeMap<>();
        traced.forEach(t -> bySlug.put(t.story().slug(), t));
        return new StoryTraces() {
            @Override
            public SortedSet<String> slugs() {
                return Collections.unmodifiableSortedSet(new TreeSet<>(bySlug.keySet()));
            }

            @Override
            public Story explored(String slug) {
                TracedStory t = bySlug.get(slug);
                return t == null ? null : t.story();
            }

            @Override
            public int exploredTokens(String slug) {
                return bySlug.get(slug).encoding().size();
            }

            @Override
            public TracedStory get(String slug) {
                return bySlug.get(slug);
            }
        };
    }

    /** Every story's slug. */
    SortedSet<String> slugs();

    /** The story as its explorer covers it (what its trace is computed from), or null when there is no such story. */
    Story explored(String slug);

    /** How many tokens the trace of {@link #explored} reads, {@code <bos>} included, known without tracing it. */
    int exploredTokens(String slug);

    /** The story with its prediction points, or null when there is no such story. */
    TracedStory get(String slug);
}
