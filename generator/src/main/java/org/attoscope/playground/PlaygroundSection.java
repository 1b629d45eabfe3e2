package org.attoscope.playground;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attoscope.content.Story;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.Addresses;
import org.attoscope.pages.Fragments;
import org.attoscope.pages.NavLink;
import org.attoscope.pages.PlannedPage;
import org.attoscope.pages.PointsJson;
import org.attoscope.pages.SectionPage;
import org.attoscope.pages.SiteBuild;
import org.attoscope.pages.SiteSection;
import org.attoscope.pages.StoryTraces;
import org.attoscope.pages.TracedStory;

/**
 * The playground as a part of the site: {@code playground/index.html} (template {@code playground}) and its weights
 * script. The page checks its engine against the shortest story, so the check costs the reader the least time.
 */
public final class PlaygroundSection implements SiteSection {
    public static final String PAGE = Addresses.PLAYGROUND;
    static final String TEMPLATE = "playground";

    private final ModelBundle bundle;

    public PlaygroundSection(ModelBundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public Optional<NavLink> nav() {
        return Optional.of(new NavLink("playground", "Playground", PAGE, "Try your own text"));
    }

    @Override
    public List<SectionPage> pages(StoryTraces stories, Fragments fragments) {
        List<Story> explored = stories.slugs().stream().map(stories::explored).toList();
        Story reference = shortest(explored, stories);
        List<Object> inputs = List.of(bundle.sha256(), explored);
        return List.of(new SectionPage(PAGE, TEMPLATE, inputs, () -> {
            String json = null;
            if (reference != null) {
                TracedStory traced = stories.get(reference.slug());
                json = PointsJson.embed(traced.trace());
            }
            return Map.of("playground", new PlaygroundPage(explored.stream().map(Preset::of).toList(),
                    reference == null ? null : Preset.of(reference), json, bundle.sha256(), SiteBuild.TOP_N));
        }));
    }

    @Override
    public List<PlannedPage> files(StoryTraces stories) {
        return List.of(new PlannedPage(WeightsScript.PATH, List.of(bundle.sha256()), () -> WeightsScript.of(bundle)));
    }

    /**
     * Fewest tokens, then the first slug: the same story for the same stories. The counts are the ones the stories
     * were read with, so a rebuild tokenises nothing again.
     */
    static Story shortest(List<Story> stories, StoryTraces traces) {
        return stories.stream()
                .min(Comparator.comparingInt((Story s) -> traces.exploredTokens(s.slug())).thenComparing(Story::slug))
                .orElse(null);
    }
}
