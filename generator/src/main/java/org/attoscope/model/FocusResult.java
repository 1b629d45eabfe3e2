package org.attoscope.model;

/**
 * What the model computes at one prediction point: the attention of every head and the next-token logits.
 *
 * @param focus        absolute position of the token whose successor is predicted
 * @param contextStart first absolute position the window sees (0 until the text outgrows the context)
 * @param heads        each head's surviving links
 * @param logits       one float32 logit per vocabulary word
 */
public record FocusResult(int focus, int contextStart, HeadLinks[] heads, float[] logits) {
}
