package org.attoscope.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attoscope.InputException;
import org.attoscope.util.JsonFiles;
import org.attoscope.util.Sha256;

/**
 * A model bundle on disk: {@code manifest.json}, {@code tokenizer.json} and {@code model.bin}, checked as it loads.
 *
 * <p>Loading refuses anything the engine could misread: a hash that does not match, a file of the wrong
 * size, a tensor whose length disagrees with its shape, or a config the engine does not implement.
 */
public final class ModelBundle {
    public static final String FORMAT = "tiny-gpt-web-f32-v1";

    private final Path dir;
    private final ModelConfig config;
    private final String sha256;
    private final Map<String, TensorSpec> tensors;
    private final float[] weights;
    private final Tokenizer tokenizer;
    private final JsonNode manifestJson;
    private final String tokenizerSha256;

    private ModelBundle(Path dir, ModelConfig config, String sha256, Map<String, TensorSpec> tensors,
                        float[] weights, Tokenizer tokenizer, JsonNode manifestJson, String tokenizerSha256) {
        this.tokenizerSha256 = tokenizerSha256;
        this.dir = dir;
        this.config = config;
        this.sha256 = sha256;
        this.tensors = tensors;
        this.weights = weights;
        this.tokenizer = tokenizer;
        this.manifestJson = manifestJson;
    }

    public static ModelBundle load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, "the model bundle folder does not exist.",
                    "point \"model\" in content/site.json (or --model) at a folder holding manifest.json, tokenizer.json and model.bin.");
        }
        Path manifestFile = dir.resolve("manifest.json");
        JsonNode manifest = readJson(manifestFile);
        ModelConfig config = readConfig(manifestFile, manifest);
        Map<String, TensorSpec> tensors = readTensors(manifestFile, manifest, config);

        Path binFile = dir.resolve("model.bin");
        byte[] bytes = readBytes(binFile);
        long numFloats = manifest.path("num_floats").asLong(-1);
        if (numFloats < 0) {
            numFloats = tensors.values().stream().mapToLong(t -> t.offset() + t.length()).max().orElse(0);
        }
        if (bytes.length != numFloats * Float.BYTES) {
            String what = bytes.length < numFloats * Float.BYTES ? "truncated" : "padded";
            throw new InputException(binFile, "model.bin is " + what + ": it has " + bytes.length
                    + " bytes but manifest.json describes " + numFloats + " float32 values (" + numFloats * Float.BYTES + " bytes).",
                    "copy model.bin again from the bundle it came with.");
        }
        for (TensorSpec t : tensors.values()) {
            if (t.offset() < 0 || t.offset() + t.length() > numFloats) {
                throw new InputException(manifestFile, "tensor " + t.name() + " (offset " + t.offset() + ", length " + t.length()
                        + ") reaches past the end of model.bin (" + numFloats + " floats).", "use the manifest.json that came with this model.bin.");
            }
        }
        String expected = manifest.path("sha256").asText("");
        String actual = Sha256.hex(bytes);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new InputException(binFile, "model.bin does not match its hash lock: manifest.json says sha256 " + expected
                    + " but the file hashes to " + actual + ".", "restore the original model.bin; a changed weight file is not the published model.");
        }
        float[] weights = new float[(int) numFloats];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(weights);

        Path tokenizerFile = dir.resolve("tokenizer.json");
        String tokenizerSha = Sha256.hex(readBytes(tokenizerFile));
        String tokenizerLock = manifest.path("tokenizer_sha256").asText("");
        if (!tokenizerLock.isEmpty() && !tokenizerLock.equalsIgnoreCase(tokenizerSha)) {
            throw new InputException(tokenizerFile, "tokenizer.json does not match its hash lock: manifest.json says tokenizer_sha256 "
                    + tokenizerLock + " but the file hashes to " + tokenizerSha + ".",
                    "restore the original tokenizer.json; a changed vocabulary changes every page while the model hash stays the same.");
        }
        Tokenizer tokenizer = Tokenizer.fromJson(tokenizerFile, readJson(tokenizerFile));
        if (tokenizer.size() != config.vocabSize()) {
            throw new InputException(tokenizerFile, "the vocabulary has " + tokenizer.size() + " words but manifest.json says vocab_size "
                    + config.vocabSize() + ".", "use the tokenizer.json that came with this model.");
        }
        return new ModelBundle(dir, config, actual, tensors, weights, tokenizer, manifest, tokenizerSha);
    }

    public Path dir() {
        return dir;
    }

    public ModelConfig config() {
        return config;
    }

    /** sha256 of {@code model.bin}, lower-case hex, verified at load. */
    public String sha256() {
        return sha256;
    }

    /** sha256 of {@code tokenizer.json}, lower-case hex; checked at load against the manifest's {@code tokenizer_sha256} when it has one. */
    public String tokenizerSha256() {
        return tokenizerSha256;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Every weight tensor, in the order it is stored in {@code model.bin}. */
    public Map<String, TensorSpec> tensors() {
        return tensors;
    }

    /** The raw manifest, for figures that describe the model (parameter counts, training facts). */
    public JsonNode manifestJson() {
        return manifestJson;
    }

    /** A copy of one weight tensor's values in row-major order. */
    public float[] tensor(String name) {
        TensorSpec t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor " + name);
        }
        float[] out = new float[(int) t.length()];
        System.arraycopy(weights, (int) t.offset(), out, 0, out.length);
        return out;
    }

    public long parameterCount() {
        return tensors.values().stream().mapToLong(TensorSpec::length).sum();
    }

    /** The tensors the engine needs, with the shape each must have under {@code c}. */
    static Map<String, List<Integer>> requiredShapes(ModelConfig c) {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        m.put("tok_emb.weight", List.of(c.vocabSize(), c.width()));
        m.put("pos_emb.weight", List.of(c.blockSize(), c.width()));
        m.put("block.ln1.weight", List.of(c.width()));
        m.put("block.attn.qkv.weight", List.of(3 * c.width(), c.width()));
        m.put("block.attn.proj.weight", List.of(c.width(), c.width()));
        m.put("block.ln2.weight", List.of(c.width()));
        m.put("block.mlp.fc.weight", List.of(c.hidden(), c.width()));
        m.put("block.mlp.proj.weight", List.of(c.width(), c.hidden()));
        m.put("ln_f.weight", List.of(c.width()));
        return m;
    }

    private static ModelConfig readConfig(Path file, JsonNode manifest) {
        String format = manifest.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new InputException(file, "the bundle format is \"" + format + "\", but attoscope reads \"" + FORMAT + "\".",
                    "export the model with the attoGPT browser exporter.");
        }
        String dtype = manifest.path("dtype").asText("");
        if (!"float32-le".equals(dtype)) {
            throw new InputException(file, "dtype is \"" + dtype + "\"; the engine reads only \"float32-le\".", "export the weights as little-endian float32.");
        }
        JsonNode cfg = manifest.path("config");
        if (!cfg.isObject()) {
            throw new InputException(file, "there is no \"config\" object.", "use the manifest.json that came with the model.");
        }
        requireSetting(file, cfg, "norm", "rmsnorm");
        requireSetting(file, cfg, "activation", "gelu");
        requireSetting(file, cfg, "pos", "learned");
        requireFlag(file, cfg, "tie_weights", true);
        requireFlag(file, cfg, "qk_norm", false);
        int width = positive(file, cfg, "n_embd");
        int heads = positive(file, cfg, "n_head");
        if (width % heads != 0) {
            throw new InputException(file, "n_embd " + width + " does not divide into n_head " + heads + " heads.", "use a config whose width is a multiple of the head count.");
        }
        double mult = cfg.path("mlp_mult").asDouble(Double.NaN);
        if (!(mult > 0)) {
            throw new InputException(file, "config.mlp_mult is missing or not positive.", "set mlp_mult, for example 4.0.");
        }
        int topk = cfg.path("topk_attn").asInt(0);
        if (topk < 1) {
            throw new InputException(file, "config.topk_attn is " + topk + "; the engine implements top-k sparse attention with k >= 1.", "use a sparse-attention attoGPT export.");
        }
        return new ModelConfig(positive(file, cfg, "vocab_size"), positive(file, cfg, "block_size"), width, heads,
                (int) Math.floor(mult * width), topk);
    }

    private static Map<String, TensorSpec> readTensors(Path file, JsonNode manifest, ModelConfig config) {
        JsonNode node = manifest.path("tensors");
        Map<String, TensorSpec> tensors = new LinkedHashMap<>();
        Map<String, List<Integer>> required = requiredShapes(config);
        for (Map.Entry<String, List<Integer>> want : required.entrySet()) {
            JsonNode t = node.get(want.getKey());
            if (t == null) {
                throw new InputException(file, "tensor " + want.getKey() + " is missing from \"tensors\".", "use a complete attoGPT export.");
            }
            List<Integer> shape = new ArrayList<>();
            t.path("shape").forEach(d -> shape.add(d.asInt()));
            if (!shape.equals(want.getValue())) {
                throw new InputException(file, "tensor " + want.getKey() + " has shape " + shape + " but the config needs " + want.getValue() + ".",
                        "make the config and the tensors agree (re-export the model).");
            }
            TensorSpec spec = new TensorSpec(want.getKey(), shape, t.path("offset").asLong(-1), t.path("length").asLong(-1));
            if (spec.length() != spec.elementsByShape()) {
                throw new InputException(file, "tensor " + spec.name() + " has length " + spec.length() + " but its shape " + shape
                        + " holds " + spec.elementsByShape() + " values.", "re-export the model.");
            }
            tensors.put(spec.name(), spec);
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!required.containsKey(name)) {
                throw new InputException(file, "tensor " + name + " is not part of the architecture the engine implements.",
                        "use an attoGPT export with exactly the tensors " + required.keySet() + ".");
            }
        });
        // In file order, which is the data-flow order the export wrote them in: figures list them this way.
        Map<String, TensorSpec> byOffset = new LinkedHashMap<>();
        tensors.values().stream().sorted(Comparator.comparingLong(TensorSpec::offset)).forEach(t -> byOffset.put(t.name(), t));
        return Collections.unmodifiableMap(byOffset);
    }

    private static void requireSetting(Path file, JsonNode cfg, String key, String expected) {
        String actual = cfg.path(key).asText("");
        if (!expected.equals(actual)) {
            throw new InputException(file, "config." + key + " is \"" + actual + "\"; the engine implements only \"" + expected + "\".",
                    "use an attoGPT export with " + key + " = " + expected + ".");
        }
    }

    private static void requireFlag(Path file, JsonNode cfg, String key, boolean expected) {
        if (cfg.path(key).asBoolean(!expected) != expected) {
            throw new InputException(file, "config." + key + " must be " + expected + " for this engine.", "use an attoGPT export with " + key + " = " + expected + ".");
        }
    }

    private static int positive(Path file, JsonNode cfg, String key) {
        int v = cfg.path(key).asInt(0);
        if (v <= 0) {
            throw new InputException(file, "config." + key + " is missing or not a positive whole number.", "set " + key + " in the manifest's config.");
        }
        return v;
    }

    static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, file.getFileName() + " is missing from the model bundle.",
                    "a bundle folder holds manifest.json, tokenizer.json and model.bin.");
        }
        return JsonFiles.read(file);
    }

    private static byte[] readBytes(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, file.getFileName() + " is missing from the model bundle.", "copy it into the bundle folder.");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage() + ".", "check the file's permissions.");
        }
    }
}
