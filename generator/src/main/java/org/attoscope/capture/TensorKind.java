package org.attoscope.capture;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The tensors {@code attoscope capture} records at every generation step, named {@code stepSS.KIND_LL}: SS the
 * step, LL the block the tensor belongs to (attoGPT has one, 00), or {@code last} for the last position only.
 * T is the number of tokens the model read at that step (the prompt's, {@code <bos>} included, plus the step).
 */
public enum TensorKind {
    /** token + position embedding, the residual stream entering block 00: [1, T, 160] */
    HIDDEN_STATE("hidden_state_00", "the embedding stream entering the block"),
    /** softmax over every causal score, before the top-k: [1, heads, T, T], query rows, key columns */
    ATTENTION_SCORES("attention_scores_00", "dense attention probabilities before the top-k"),
    /** the attention the model uses: softmax over each query's 5 largest scores, every other weight exactly 0: [1, heads, T, T] */
    ATTENTION("attention_00", "sparse attention after the top-k"),
    /** the attention output after its projection, added to the stream: [1, T, 160] */
    ATTENTION_OUTPUT("attention_output_00", "the attention output after its projection"),
    /** the MLP output, added to the stream: [1, T, 160] */
    MLP_OUTPUT("mlp_output_00", "the MLP output"),
    /**
     * the residual stream leaving block 00, before the final norm: [1, T, 160]. In float32, and in this order,
     * {@code (hidden_state + attention_output) + mlp_output} equals it bit for bit.
     */
    RESIDUAL("residual_00", "the residual stream leaving the block"),
    /** the final RMSNorm's output after block 00, what the tied unembedding reads: [1, T, 160] */
    FINAL_NORM("final_norm_00", "the final norm's output"),
    /** the logits at the last position, whose greedy argmax is the step's output token: [1, vocab] */
    LOGITS_LAST("logits_last", "the logits at the last position");

    private final String suffix;
    private final String description;

    TensorKind(String suffix, String description) {
        this.suffix = suffix;
        this.description = description;
    }

    /** The part after the step: {@code "attention_00"}. */
    public String suffix() {
        return suffix;
    }

    /** A phrase for figure captions: "sparse attention after the top-k". */
    public String description() {
        return description;
    }

    /** The tensor's name at a step: {@code ATTENTION.at(2)} is {@code "step02.attention_00"}. */
    public String at(int step) {
        return String.format(Locale.ROOT, "step%02d.%s", step, suffix);
    }

    /** The kind of a tensor name written by {@code attoscope capture}, if it is one. */
    public static Optional<TensorKind> of(String tensorName) {
        int dot = tensorName.indexOf('.');
        String suffix = dot < 0 ? "" : tensorName.substring(dot + 1);
        return Arrays.stream(values()).filter(k -> k.suffix.equals(suffix)).findFirst();
    }

    /** The step of a {@code stepSS.…} tensor name, if it has one. */
    public static Optional<Integer> stepOf(String tensorName) {
        int dot = tensorName.indexOf('.');
        if (dot < 5 || !tensorName.startsWith("step")) {
            return Optional.empty();
        }
        String digits = tensorName.substring(4, dot);
        return digits.chars().allMatch(Character::isDigit) && digits.length() <= 6 ? Optional.of(Integer.parseInt(digits)) : Optional.empty();
    }
}
