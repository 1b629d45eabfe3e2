package org.attoscope.pages;

import java.util.ArrayList;
import java.util.List;
import org.attoscope.trace.AttentionLink;
import org.attoscope.trace.NextToken;
import org.attoscope.trace.Prediction;
import org.attoscope.trace.PredictionPoint;

/**
 * One prediction point as the explorer panel shows it, already formatted. The server renders the story's opening
 * point with it; the explorer script renders every other point into the same markup with the same number rules.
 *
 * @param focus        the selected position
 * @param token        the token there, as the reader wrote it
 * @param contextStart the first position the model's window sees
 * @param heads        per head, the tokens it read with their weights
 * @param predictions  the top predictions shown
 * @param next         the token that really follows, or null at the end of the story
 */
public record PointView(int focus, String token, int contextStart, List<HeadView> heads, List<PredictionView> predictions, NextView next) {

    public record HeadView(int head, List<LinkView> links) {
    }

    /** One token a head read: its position, how it reads, and the weight as a percentage. */
    public record LinkView(int source, String token, String percent) {
    }

    /** One candidate next token: the bar's extent (0..1) and its label. */
    public record PredictionView(String token, String extent, String percent, boolean actual) {
    }

    /** The token that really follows; rank is null when it is one the predictions leave out ({@code <unk>}). */
    public record NextView(String token, Integer rank, String percent) {
    }

    public int windowSize() {
        return focus - contextStart + 1;
    }

    /** The explorer script writes the same sentence (explorer.js, windowText). */
    public String windowText(int context) {
        if (contextStart == 0) {
            return "The model reads tokens 0\u2013" + focus + ": " + windowSize() + " of its " + context + "-token window.";
        }
        return "The model reads tokens " + contextStart + "\u2013" + focus + ", a full " + context + "-token window; the "
                + contextStart + (contextStart == 1 ? " token" : " tokens") + " before it are out of reach (greyed).";
    }

    static PointView of(PredictionPoint p, List<String> display, int shownPredictions) {
        List<HeadView> heads = new ArrayList<>();
        for (int h = 0; h < p.heads().size(); h++) {
            List<LinkView> links = new ArrayList<>();
            for (AttentionLink l : p.heads().get(h)) {
                links.add(new LinkView(l.source(), display.get(l.source()), HalfUpNumbers.percent(l.weight())));
            }
            heads.add(new HeadView(h, links));
        }
        NextToken n = p.next();
        List<PredictionView> predictions = new ArrayList<>();
        for (Prediction pr : p.predictions().subList(0, Math.min(shownPredictions, p.predictions().size()))) {
            predictions.add(new PredictionView(pr.token(), HalfUpNumbers.extent(pr.prob()), HalfUpNumbers.percent(pr.prob()), n != null && n.id() == pr.id()));
        }
        NextView next = n == null ? null : new NextView(display.get(p.focus() + 1), n.rank(), HalfUpNumbers.percent(n.prob()));
        return new PointView(p.focus(), display.get(p.focus()), p.contextStart(), heads, predictions, next);
    }
}
