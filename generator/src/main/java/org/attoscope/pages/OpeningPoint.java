package org.attoscope.pages;

import java.util.List;
import org.attoscope.trace.AttentionLink;
import org.attoscope.trace.PredictionPoint;
import org.attoscope.trace.PromptTrace;

/**
 * The point an explorer opens on: one where attention visibly does the work. Among the points whose next token
 * the model ranked first, the one where a head puts the most weight furthest back (weight times distance, the
 * {@code <bos>} sink and the token itself left out), so the reader first sees a head fetch an earlier word and the
 * model get the next one right. A story where no point qualifies opens on its middle point; never on the last,
 * where nothing follows.
 */
final class OpeningPoint {
    private OpeningPoint() {
    }

    static int of(PromptTrace trace) {
        List<PredictionPoint> points = trace.points();
        int best = -1;
        double bestReach = 0;
        for (int i = 0; i < points.size(); i++) {
            PredictionPoint p = points.get(i);
            if (p.next() == null || p.next().rank() == null || p.next().rank() != 1) {
                continue;
            }
            for (List<AttentionLink> head : p.heads()) {
                for (AttentionLink link : head) {
                    double reach = link.source() == 0 ? 0 : link.weight() * (p.focus() - link.source());
                    if (reach > bestReach) {
                        bestReach = reach;
                        best = i;
                    }
                }
            }
        }
        return best >= 0 ? best : Math.max(0, (points.size() - 1) / 2);
    }
}
