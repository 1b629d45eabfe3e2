package org.attoscope.trace;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The file {@code attoscope points} writes (FORMATS.md section 3). */
@JsonPropertyOrder({"model_sha256", "topk_attn", "topn", "prompts"})
public record TraceFile(
        @JsonProperty("model_sha256") String modelSha256,
        @JsonProperty("topk_attn") int topkAttn,
        int topn,
        List<PromptTrace> prompts) {

    public TraceFile {
        prompts = List.copyOf(prompts);
    }
}
