package org.attoscope.trace;

/**
 * The token that really follows a prediction point, judged by the model: its 1-based rank and probability.
 * Rank is null (and prob 0) when that token is one the predictions leave out ({@code <unk>} and friends).
 */
public record NextToken(int id, Integer rank, double prob) {

    /** Surprise in nats, -ln p; infinite for an excluded token. */
    public double surprise() {
        return rank == null ? Double.POSITIVE_INFINITY : -Math.log(prob);
    }
}
