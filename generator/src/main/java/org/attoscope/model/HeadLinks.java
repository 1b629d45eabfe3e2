package org.attoscope.model;

/**
 * One head's sparse attention for one query: the surviving sources and their softmax weights.
 *
 * <p>Largest weight first, ties by earlier position, as the top-k keeps them. Sources are absolute positions in the
 * text. Weights are float32, the precision the model stores its attention in.
 */
public record HeadLinks(int[] sources, float[] weights) {

    public int size() {
        return sources.length;
    }
}
