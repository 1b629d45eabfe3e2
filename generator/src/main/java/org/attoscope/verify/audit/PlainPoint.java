package org.attoscope.verify.audit;

import java.util.List;
import java.util.Map;

/**
 * One prediction point as the verifier's own forward pass computes it, in double.
 *
 * @param focus        absolute position
 * @param contextStart first position its window sees
 * @param heads        per head, its kept links, largest weight first (ties: the earlier source first)
 * @param margins      per head, how far the smallest kept score lies above the largest dropped one (infinite when
 *                     nothing was dropped): below float noise, a different choice of links is a tie, not an error
 * @param top          the most probable next tokens under FORMATS.md section 3's rule, most probable first
 * @param next         the token that follows, judged; null at the last point
 * @param explain      FORMATS.md section 3.1 for this point, or null when not asked for
 */
public record PlainPoint(int focus, int contextStart, List<List<Link>> heads, double[] margins, List<Candidate> top,
                         Judged next, Explain explain) {

    public record Link(int source, double weight) {
    }

    public record Candidate(int id, double prob) {
    }

    /**
     * The actual next token: its 1-based rank (null when it is one of the excluded three) and probability, and the
     * ranks it could have under float rounding (tokens whose logit lies within {@link Tolerances#TIE} of its own may
     * order either way).
     */
    public record Judged(int id, Integer rank, double prob, int rankMin, int rankMax) {
    }

    /**
     * @param finalRms   sqrt(mean(x^2) + 1e-6) of the point's final residual
     * @param targets    the target ids asked for, each with its logit and parts
     * @param ablations  {@code head0_off}, {@code head1_off}, ..., {@code dense}
     * @param linkDrops  per head, per kept link (in {@link #heads} order), the targets' probabilities without it
     */
    public record Explain(double finalRms, List<Target> targets, Map<String, Ablation> ablations, List<List<LinkDrop>> linkDrops) {
    }

    /** One target's logit and the parts of the residual projected onto it; {@code heads} follows {@link #heads}. */
    public record Target(int id, double logit, double token, double position, double mlp, List<List<Double>> heads) {
        public double partsSum() {
            double s = token + position + mlp;
            for (List<Double> h : heads) {
                for (double d : h) {
                    s += d;
                }
            }
            return s;
        }
    }

    /**
     * A re-run's next-token distribution.
     *
     * @param top         the words FORMATS.md section 3.1 lists, most probable first
     * @param runnersUp   the next most probable words after them: where two words' probabilities tie under float
     *                    rounding at the last listed place, the build's engine may list either
     * @param targetProbs each target's probability
     */
    public record Ablation(List<Candidate> top, List<Candidate> runnersUp, double[] targetProbs) {
    }

    public record LinkDrop(int source, double[] targetProbs) {
    }
}
