package org.attoscope.figures;

/**
 * One query's sparse attention in one head: the keys it kept and their weights (the engine's {@code HeadLinks}).
 *
 * @param query        absolute position of the query token
 * @param contextStart first position its window sees (keys before it are outside the window)
 * @param keys         absolute positions of the kept keys
 * @param weights      their softmax weights as float32
 */
public record AttentionRow(int query, int contextStart, int[] keys, float[] weights) {

    public AttentionRow {
        keys = keys.clone();
        weights = weights.clone();
        if (keys.length != weights.length) {
            throw new FigureException("query " + query + " has " + keys.length + " keys but " + weights.length
                    + " weights.", "pass one weight per kept key.");
        }
    }
}
