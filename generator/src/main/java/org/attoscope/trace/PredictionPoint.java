package org.attoscope.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Everything a reader can see at one token: which earlier tokens each head used, and what the model predicts next.
 *
 * @param focus        absolute position of this token
 * @param token        its vocabulary word
 * @param contextStart first position its window sees
 * @param heads        per head, the nonzero links, largest weight first
 * @param predictions  the top-n next tokens
 * @param next         the token that actually follows, or null at the last point
 * @param explain      why and what-if (FORMATS.md section 3.1), or null when not asked for
 */
@JsonPropertyOrder({"focus", "token", "context_start", "heads", "predictions", "next", "explain"})
public record PredictionPoint(
        int focus,
        String token,
        @JsonProperty("context_start") int contextStart,
        List<List<AttentionLink>> heads,
        List<Prediction> predictions,
        NextToken next,
        @JsonInclude(JsonInclude.Include.NON_NULL) Explanation explain) {

    public PredictionPoint {
        heads = heads.stream().map(List::copyOf).toList();
        predictions = List.copyOf(predictions);
    }

    /** A point without its explanation. */
    public PredictionPoint(int focus, String token, int contextStart, List<List<AttentionLink>> heads,
                           List<Prediction> predictions, NextToken next) {
        this(focus, token, contextStart, heads, predictions, next, null);
    }
}
