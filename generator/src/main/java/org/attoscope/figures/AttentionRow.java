package org.attoscope.figures;

import java.util.List;
import org.attoscope.trace.AttentionLink;
import org.attoscope.trace.PredictionPoint;

/**
 * One query's sparse attention in one head: the links it kept, the same {@link AttentionLink}s its prediction point
 * carries (and its page embeds), so the figure draws exactly the trace's values.
 *
 * @param query        absolute position of the query token
 * @param contextStart first position its window sees (keys before it are outside the window)
 * @param links        the kept keys and their softmax weights (float32, widened), largest first
 */
public record AttentionRow(int query, int contextStart, List<AttentionLink> links) {

    public AttentionRow {
        links = List.copyOf(links);
    }

    /** Head {@code head}'s row of a prediction point. */
    public static AttentionRow of(PredictionPoint point, int head) {
        return new AttentionRow(point.focus(), point.contextStart(), point.heads().get(head));
    }
}
