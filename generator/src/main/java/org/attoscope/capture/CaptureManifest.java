package org.attoscope.capture;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.attoscope.InputException;
import org.attoscope.util.Json;
import org.attoscope.util.JsonFiles;

/**
 * {@code NAME.json}, the run manifest of a capture (FORMATS.md section 4).
 *
 * <p>Only {@code model} and {@code tensors} are required: a capture written by another tool (a PyTorch run of some
 * other model) may leave out the rest, and {@code model_sha256} in particular. Fields left out are null here.
 *
 * @param model       the model's name ("attoGPT")
 * @param modelSha256 sha256 of the weights the run used, or null when the writer did not say
 * @param prompt      the prompt text, or null
 * @param promptIds   the prompt's token ids, starting with {@code <bos>} (empty when not given)
 * @param outputIds   the generated ids, one per step (empty when not given)
 * @param outputText  the generated continuation, decoded (not including the prompt), or null
 * @param steps       how many tokens were generated, or null
 * @param generator   what wrote the capture ("attoscope capture"), or null
 * @param tensors     every tensor's dtype, shape and hash lock, by name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"model", "model_sha256", "prompt", "prompt_ids", "output_ids", "output_text", "steps", "generator", "tensors"})
public record CaptureManifest(
        String model,
        @JsonProperty("model_sha256") String modelSha256,
        String prompt,
        @JsonProperty("prompt_ids") List<Integer> promptIds,
        @JsonProperty("output_ids") List<Integer> outputIds,
        @JsonProperty("output_text") String outputText,
        Integer steps,
        String generator,
        SortedMap<String, ManifestTensor> tensors) {

    public static final String ATTOSCOPE_GENERATOR = "attoscope capture";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public CaptureManifest {
        promptIds = List.copyOf(promptIds);
        outputIds = List.copyOf(outputIds);
        tensors = Collections.unmodifiableSortedMap(new TreeMap<>(tensors));
    }

    /**
     * The token ids the model read at generation step {@code step}: the prompt and the first {@code step} outputs.
     * A step's tensors have one row per id.
     */
    public List<Integer> idsAtStep(int step) {
        if (step < 0 || step > outputIds.size()) {
            throw new IllegalArgumentException("step " + step + " is outside 0.." + outputIds.size());
        }
        List<Integer> ids = new ArrayList<>(promptIds);
        ids.addAll(outputIds.subList(0, step));
        return List.copyOf(ids);
    }

    /** The manifest as written to disk: two-space indent, {@code \n} line ends, fixed key order, a final newline. */
    public byte[] toJsonBytes() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return (Json.mapper().writer(printer).writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest of strings, numbers and lists always serialises", e);
        }
    }

    /** Reads and checks a manifest file; every problem names the file and, where it can, the line. */
    public static CaptureManifest read(Path file) {
        JsonNode root = JsonFiles.read(file);
        if (!root.isObject()) {
            throw new InputException(file, 1, "a capture manifest is a JSON object.", "write {\"model\": ..., \"tensors\": {...}} as in FORMATS.md section 4.");
        }
        String model = requiredText(file, root, "model");
        String modelSha = optionalText(file, root, "model_sha256");
        if (modelSha != null && !SHA256.matcher(modelSha).matches()) {
            throw new InputException(file, JsonFiles.lineOf(file, "model_sha256"), "\"model_sha256\" is not 64 lower-case hex digits.",
                    "write the sha256 of model.bin, or leave the field out for a capture from another model.");
        }
        JsonNode tensorsNode = root.get("tensors");
        if (tensorsNode == null || !tensorsNode.isObject() || tensorsNode.isEmpty()) {
            throw new InputException(file, JsonFiles.lineOf(file, "tensors"), "\"tensors\" is missing or empty.",
                    "list every tensor of the safetensors file with its dtype, shape and sha256.");
        }
        SortedMap<String, ManifestTensor> tensors = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) tensorsNode::fields) {
            tensors.put(e.getKey(), readTensor(file, e.getKey(), e.getValue()));
        }
        JsonNode steps = root.get("steps");
        if (steps != null && !steps.isNull() && !(steps.isIntegralNumber() && steps.canConvertToInt() && steps.asInt() >= 0)) {
            throw new InputException(file, JsonFiles.lineOf(file, "steps"), "\"steps\" is not a whole number.", "write the number of generated tokens.");
        }
        return new CaptureManifest(model, modelSha, optionalText(file, root, "prompt"), ids(file, root, "prompt_ids"), ids(file, root, "output_ids"),
                optionalText(file, root, "output_text"), steps == null || steps.isNull() ? null : steps.asInt(),
                optionalText(file, root, "generator"), tensors);
    }

    private static ManifestTensor readTensor(Path file, String name, JsonNode node) {
        int line = JsonFiles.lineOf(file, name);
        if (!node.isObject()) {
            throw new InputException(file, line, "tensor " + name + ": its entry is not an object.", "write {\"dtype\": \"F32\", \"shape\": [...], \"sha256\": \"...\"}.");
        }
        String dtype = node.path("dtype").asText("");
        if (Dtype.fromSafetensors(dtype).isEmpty()) {
            throw new InputException(file, line, "tensor " + name + " has dtype \"" + dtype + "\"; attoscope reads " + Dtype.supportedNames() + ".",
                    "store the tensor as F32, F16 or BF16.");
        }
        JsonNode shapeNode = node.path("shape");
        List<Integer> shape = new ArrayList<>();
        if (!shapeNode.isArray()) {
            throw new InputException(file, line, "tensor " + name + " has no \"shape\" array.", "write its shape, e.g. [1, 2, 5, 5].");
        }
        for (JsonNode d : shapeNode) {
            if (d.isIntegralNumber() && !d.canConvertToInt() && d.bigIntegerValue().signum() > 0) {
                throw new InputException(file, line, "tensor " + name + " has shape " + shapeNode + ": dimension " + d.asText()
                        + " is larger than any tensor attoscope reads (at most " + Integer.MAX_VALUE + " per axis).", "fix the shape; a capture's tensors are small.");
            }
            if (!d.isIntegralNumber() || !d.canConvertToInt() || d.asInt() < 0) {
                throw new InputException(file, line, "tensor " + name + " has shape " + shapeNode + "; dimensions are whole numbers from 0.", "fix the shape.");
            }
            shape.add(d.asInt());
        }
        String sha = node.path("sha256").asText("");
        if (!SHA256.matcher(sha).matches()) {
            throw new InputException(file, line, "tensor " + name + " has no hash lock: \"sha256\" is not 64 lower-case hex digits.",
                    "write the sha256 of the tensor's raw bytes as stored in the safetensors file.");
        }
        return new ManifestTensor(dtype, shape, sha);
    }

    private static String requiredText(Path file, JsonNode root, String key) {
        String value = optionalText(file, root, key);
        if (value == null || value.isBlank()) {
            throw new InputException(file, JsonFiles.lineOf(file, key), "\"" + key + "\" is missing.", "name the model the capture was made with.");
        }
        return value;
    }

    private static String optionalText(Path file, JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new InputException(file, JsonFiles.lineOf(file, key), "\"" + key + "\" is not a string.", "write it as a JSON string.");
        }
        return n.asText();
    }

    private static List<Integer> ids(Path file, JsonNode root, String key) {
        JsonNode n = root.get(key);
        List<Integer> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new InputException(file, JsonFiles.lineOf(file, key), "\"" + key + "\" is not an array of token ids.", "write it as [1, 48, ...].");
        }
        for (JsonNode id : n) {
            if (!id.isIntegralNumber() || !id.canConvertToInt() || id.asInt() < 0) {
                throw new InputException(file, JsonFiles.lineOf(file, key), "\"" + key + "\" holds " + id + ", which is not a token id.",
                        "token ids are whole numbers from 0.");
            }
            out.add(id.asInt());
        }
        return out;
    }
}
