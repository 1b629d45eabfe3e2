package org.attoscope.content;

import java.util.Collection;
import java.util.Comparator;
import org.attoscope.model.EditDistance;

/** "did you mean ...?" for a near-miss of a known name. */
public final class Suggestions {

    private Suggestions() {
    }

    /** {@code did you mean "heatmap"? } for {@code heatmp}; empty when no known name is within two edits. */
    public static String didYouMean(String written, Collection<String> known) {
        return known.stream()
                .min(Comparator.comparingInt((String k) -> EditDistance.between(k, written)).thenComparing(k -> k))
                .filter(k -> EditDistance.between(k, written) <= 2)
                .map(k -> "did you mean \"" + k + "\"? ")
                .orElse("");
    }
}
