package org.attoscope.model;

import java.util.List;

/**
 * Why the model predicted what it did at one point, as raw numbers (FORMATS.md section 3.1 before rounding).
 *
 * @param finalRms  the scale the final RMSNorm divides this point's residual by
 * @param targets   each asked-for token's logit split into the terms of the residual
 * @param headOff   logits with head h's output set to zero, one array per head
 * @param dense     logits with ordinary dense causal softmax in every head instead of the top-k
 * @param linkDrops logits with link j of head h removed and that head's other weights renormalised: [h][j]
 */
public record Explained(double finalRms, List<TargetParts> targets, float[][] headOff, float[] dense, float[][][] linkDrops) {

    public Explained {
        targets = List.copyOf(targets);
    }

    /**
     * One token's logit as the sum of what each term of the residual adds to it, each projected with the point's
     * {@code finalRms}: {@code token + position + sum(heads) + mlp}.
     *
     * @param id       the token
     * @param token    the token embedding's share
     * @param position the position embedding's share
     * @param heads    per head, per kept link (in the order of {@link HeadLinks}), that link's share
     * @param mlp      the MLP output's share
     */
    public record TargetParts(int id, double token, double position, double[][] heads, double mlp) {

        /** The parts added up in a fixed order: token, position, head 0's links, head 1's, ..., the MLP. */
        public double sum() {
            double s = token + position;
            for (double[] head : heads) {
                for (double link : head) {
                    s += link;
                }
            }
            return s + mlp;
        }
    }
}
