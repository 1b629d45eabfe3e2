package org.attoscope.trace;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * Why the model predicted what it did at one point, and what-if (FORMATS.md section 3.1), as a page embeds it.
 *
 * <p>Logits and parts are rounded to 4 decimals, probabilities to 5 (at most 6 significant digits): every number is
 * shown, none is computed with again in the page, and an explorer embeds one of these for every point.
 *
 * @param finalRms  what the final RMSNorm divides the residual by
 * @param targets   the top-3 predictions, then the actual next token when it is not among them
 * @param ablations {@code head0_off}, {@code head1_off}, ..., and {@code dense}
 * @param linkDrops per head, per kept link in the order of the point's {@code heads}: that link removed
 */
@JsonPropertyOrder({"final_rms", "targets", "ablations", "link_drops"})
public record Explanation(
        @JsonProperty("final_rms") double finalRms,
        List<Target> targets,
        Map<String, Ablation> ablations,
        @JsonProperty("link_drops") List<List<LinkDrop>> linkDrops) {

    public Explanation {
        targets = List.copyOf(targets);
        ablations = Map.copyOf(ablations);
        linkDrops = linkDrops.stream().map(List::copyOf).toList();
    }

    /** A token whose logit is split into parts. */
    @JsonPropertyOrder({"id", "token", "logit", "parts"})
    public record Target(int id, String token, double logit, Parts parts) {
    }

    /** The terms of the residual, each projected to one target's logit; they add up to that logit. */
    @JsonPropertyOrder({"token", "position", "mlp", "heads"})
    public record Parts(double token, double position, double mlp, List<List<LinkPart>> heads) {

        public Parts {
            heads = heads.stream().map(List::copyOf).toList();
        }
    }

    /** What one kept link of a head adds to a target's logit. */
    @JsonPropertyOrder({"source", "logit"})
    public record LinkPart(int source, double logit) {
    }

    /** The point re-run with something switched off. */
    @JsonPropertyOrder({"predictions", "target_probs"})
    public record Ablation(List<Prediction> predictions, @JsonProperty("target_probs") List<Double> targetProbs) {

        public Ablation {
            predictions = List.copyOf(predictions);
            targetProbs = List.copyOf(targetProbs);
        }
    }

    /** The point re-run without one link. */
    @JsonPropertyOrder({"source", "target_probs"})
    public record LinkDrop(int source, @JsonProperty("target_probs") List<Double> targetProbs) {

        public LinkDrop {
            targetProbs = List.copyOf(targetProbs);
        }
    }
}
