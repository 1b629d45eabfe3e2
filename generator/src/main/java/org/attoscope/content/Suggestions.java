package org.attoscope.content;

import java.util.Collection;
import java.util.List;
import org.attoscope.model.EditDistance;

/** "did you mean ...?" for a near-miss of a known name, and lists of known names short enough to read. */
public final class Suggestions {
    /** Names a list shows before "and N more": a list of hundreds helps nobody. */
    public static final int LISTED = 12;
    /** Longer names are not near-misses of any real name; comparing them would only cost time. */
    static final int LONGEST_COMPARED = 64;

    private Suggestions() {
    }

    /** {@code did you mean "heatmap"? } for {@code heatmp}; empty when no known name is within two edits. */
    public static String didYouMean(String written, Collection<String> known) {
        if (written.length() > LONGEST_COMPARED) {
            return "";
        }
        return best(written, known);
    }

    /** The closest name within two edits, ties to the alphabetically first. */
    private static String best(String written, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known.stream().sorted().toList()) {
            int d = EditDistance.atMost(k, written, 2);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : "did you mean \"" + best + "\"? ";
    }

    /** {@code a, b, c}; past {@value #LISTED} names, the first ones and {@code ... and N more}. */
    public static String listed(Collection<String> names) {
        List<String> all = List.copyOf(names);
        if (all.size() <= LISTED) {
            return String.join(", ", all);
        }
        return String.join(", ", all.subList(0, LISTED)) + " ... and " + (all.size() - LISTED) + " more";
    }
}
