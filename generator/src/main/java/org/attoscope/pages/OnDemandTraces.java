package org.attoscope.pages;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.attoscope.content.Story;

/** The stories of one build, each traced the first time a section asks for it and kept for the rest of the build. */
final class OnDemandTraces implements StoryTraces {
    private final Map<String, ReadStory> stories = new TreeMap<>();
    private final Function<ReadStory, TracedStory> tracing;
    private final Map<String, TracedStory> traced = new HashMap<>();

    OnDemandTraces(List<ReadStory> stories, Function<ReadStory, TracedStory> tracing) {
        stories.forEach(s -> this.stories.put(s.story().slug(), s));
        this.tracing = tracing;
    }

    @Override
    public SortedSet<String> slugs() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(stories.keySet()));
    }

    @Override
    public Story explored(String slug) {
        ReadStory s = stories.get(slug);
        return s == null ? null : s.explored();
    }

    @Override
    public int exploredTokens(String slug) {
        return stories.get(slug).exploredTokens();
    }

    @Override
    public synchronized TracedStory get(String slug) {
        ReadStory s = stories.get(slug);
        return s == null ? null : traced.computeIfAbsent(slug, k -> tracing.apply(s));
    }
}
