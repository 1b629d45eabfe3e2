package org.attoscope.trace;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One text and all of its prediction points: the object an explorer page embeds. */
@JsonPropertyOrder({"name", "text", "ids", "tokens", "points"})
public record PromptTrace(String name, String text, List<Integer> ids, List<String> tokens, List<PredictionPoint> points) {

    public PromptTrace {
        ids = List.copyOf(ids);
        tokens = List.copyOf(tokens);
        points = List.copyOf(points);
    }
}
