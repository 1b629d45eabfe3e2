package org.attoscope.verify.audit;

/**
 * How close the verifier's own double-precision arithmetic must come to what a page shows (the engine computes in
 * float32 with double sums): tolerances, never bits, because two correct programs round differently.
 */
public final class Tolerances {
    /** Attention weights and probabilities. */
    public static final double PROB = 1e-5;
    /** Raw logits and their parts. */
    public static final double LOGIT = 1e-3;
    /**
     * Below this gap two scores (or two probabilities) are a tie under float rounding: which of them a program keeps
     * or ranks first is not an error.
     */
    public static final double TIE = 1e-5;

    private Tolerances() {
    }
}
