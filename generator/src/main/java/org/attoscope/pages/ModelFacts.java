package org.attoscope.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attoscope.model.ModelBundle;
import org.attoscope.model.ModelConfig;
import org.attoscope.model.TensorSpec;
import org.attoscope.util.JsonFiles;

/**
 * The model's numbers as the explainer states them, read from the bundle at build time so that the prose can
 * never drift from the weights it describes.
 *
 * @param sha256     {@code model.bin}'s hash
 * @param parameters every weight, summed over the manifest's tensors
 * @param config     the architecture from the manifest
 * @param tensors    each weight tensor with its shape, in the order data flows through the model
 * @param checkpoint the training step and validation numbers the manifest records, or null
 * @param evaluation the full validation run ({@code eval_val_full.json}), or null when the bundle has none
 * @param training   the training run ({@code training_config.json}), or null when the bundle has none
 * @param tokenizerSha256 {@code tokenizer.json}'s hash: the vocabulary changes pages as much as the weights do
 */
public record ModelFacts(String sha256, long parameters, ModelConfig config, List<TensorFact> tensors,
                         Checkpoint checkpoint, Evaluation evaluation, Training training, String tokenizerSha256) {

    /** Data-flow order and what each tensor does; the names are the manifest's. */
    private static final Map<String, String> ROLES = Map.of(
            "tok_emb.weight", "token embedding, reused as the output layer",
            "pos_emb.weight", "position embedding",
            "block.ln1.weight", "RMSNorm before attention",
            "block.attn.qkv.weight", "queries, keys and values of both heads",
            "block.attn.proj.weight", "attention output projection",
            "block.ln2.weight", "RMSNorm before the MLP",
            "block.mlp.fc.weight", "MLP expansion",
            "block.mlp.proj.weight", "MLP contraction",
            "ln_f.weight", "final RMSNorm");
    private static final List<String> ORDER = List.of("tok_emb.weight", "pos_emb.weight", "block.ln1.weight",
            "block.attn.qkv.weight", "block.attn.proj.weight", "block.ln2.weight", "block.mlp.fc.weight",
            "block.mlp.proj.weight", "ln_f.weight");

    public record TensorFact(String name, String shape, long parameters, String role) {
        public String parametersText() {
            return HalfUpNumbers.grouped(parameters);
        }
    }

    public record Checkpoint(long step, double validationLoss, double validationBitsPerByte) {
        public String stepText() {
            return HalfUpNumbers.grouped(step);
        }
    }

    public record Evaluation(double loss, double bitsPerByte, long tokens) {
        public String lossText() {
            return HalfUpNumbers.fixed(loss, 3);
        }

        public String bitsPerByteText() {
            return HalfUpNumbers.fixed(bitsPerByte, 3);
        }

        public String tokensText() {
            return HalfUpNumbers.grouped(tokens);
        }

        /** e^loss: the number of equally likely words the model is, on average, as unsure as. */
        public String perplexityText() {
            return HalfUpNumbers.fixed(Math.exp(loss), 1);
        }
    }

    public record Training(String dataset, long stories, long tokens, long steps, int batchSize, String optimizer, double unknownRate) {
        public String storiesText() {
            return HalfUpNumbers.grouped(stories);
        }

        public String tokensText() {
            return HalfUpNumbers.grouped(tokens);
        }

        public String stepsText() {
            return HalfUpNumbers.grouped(steps);
        }

        public String unknownRateText() {
            return HalfUpNumbers.percent(unknownRate);
        }
    }

    public static ModelFacts of(ModelBundle bundle) {
        List<TensorFact> tensors = ORDER.stream()
                .filter(bundle.tensors()::containsKey)
                .map(name -> {
                    TensorSpec t = bundle.tensors().get(name);
                    String shape = String.join(" \u00d7 ", t.shape().stream().map(String::valueOf).toList());
                    return new TensorFact(name, shape, t.length(), ROLES.get(name));
                })
                .toList();
        return new ModelFacts(bundle.sha256(), bundle.parameterCount(), bundle.config(), tensors,
                checkpoint(bundle.manifestJson()), evaluation(bundle.dir()), training(bundle.dir()), bundle.tokenizerSha256());
    }

    public String parametersText() {
        return HalfUpNumbers.grouped(parameters);
    }

    public String vocabularyText() {
        return HalfUpNumbers.grouped(config.vocabSize());
    }

    /** One tensor's share of all parameters, as a percentage. */
    public String shareText(String tensor) {
        return tensors.stream().filter(t -> t.name().equals(tensor)).findFirst()
                .map(t -> HalfUpNumbers.percent((double) t.parameters() / parameters)).orElse("none");
    }

    public String sha256Short() {
        return sha256.substring(0, 12);
    }

    public String tokenizerSha256Short() {
        return tokenizerSha256.substring(0, 12);
    }

    private static Checkpoint checkpoint(JsonNode manifest) {
        JsonNode c = manifest.path("checkpoint");
        if (!c.path("step").canConvertToLong() || !c.path("val_loss").isNumber()) {
            return null;
        }
        return new Checkpoint(c.path("step").asLong(), c.path("val_loss").asDouble(), c.path("val_bpb").asDouble(Double.NaN));
    }

    private static Evaluation evaluation(Path bundleDir) {
        Path file = bundleDir.resolve("eval_val_full.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode e = JsonFiles.read(file);
        if (!e.path("loss").isNumber()) {
            return null;
        }
        return new Evaluation(e.path("loss").asDouble(), e.path("bpb").asDouble(Double.NaN), e.path("tokens_evaluated").asLong());
    }

    private static Training training(Path bundleDir) {
        Path file = bundleDir.resolve("training_config.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode t = JsonFiles.read(file);
        JsonNode meta = t.path("meta");
        JsonNode args = t.path("train_args");
        if (!meta.path("train").isObject() || !args.isObject()) {
            return null;
        }
        return new Training(meta.path("source").asText("unknown"), meta.path("train").path("docs").asLong(),
                meta.path("train").path("tokens").asLong(), args.path("max_steps").asLong(), args.path("batch_size").asInt(),
                args.path("optimizer").asText("unknown"), meta.path("train").path("unk_rate").asDouble());
    }
}
