package org.attoscope.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.attoscope.InputException;
import org.attoscope.model.ModelBundle;
import org.attoscope.model.ModelConfig;
import org.attoscope.model.TensorSpec;
import org.attoscope.util.Json;
import org.attoscope.util.Sha256;

/**
 * {@code playground/weights.js}: the bundle's {@code model.bin} as base64, with its tensor table and vocabulary, as a
 * script that sets {@code window.ATTOSCOPE_WEIGHTS}.
 *
 * <p>A script, because a page opened from file:// may load scripts but may not read files; the page hashes the
 * decoded bytes and refuses them unless they match the sha256 the build printed into the page itself. Only the
 * playground loads it, so explorers stay light.
 */
public final class WeightsScript {
    public static final String PATH = "playground/weights.js";
    /** The global the script sets; engine.js does not know it, the page script reads it. */
    static final String GLOBAL = "ATTOSCOPE_WEIGHTS";

    private WeightsScript() {
    }

    public static byte[] of(ModelBundle bundle) {
        byte[] bin = modelBin(bundle);
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("model_sha256", bundle.sha256());
        ModelConfig cfg = bundle.config();
        ObjectNode config = data.putObject("config");
        config.put("vocab_size", cfg.vocabSize());
        config.put("block_size", cfg.blockSize());
        config.put("n_embd", cfg.width());
        config.put("n_head", cfg.heads());
        config.put("hidden", cfg.hidden());
        config.put("topk_attn", cfg.topkAttn());
        ObjectNode tensors = data.putObject("tensors");
        for (TensorSpec t : bundle.tensors().values()) {
            ObjectNode spec = tensors.putObject(t.name());
            spec.put("offset", t.offset());
            spec.put("length", t.length());
        }
        ArrayNode itos = data.putArray("itos");
        for (int id = 0; id < bundle.tokenizer().size(); id++) {
            itos.add(bundle.tokenizer().word(id));
        }
        data.put("model_bin_base64", Base64.getEncoder().encodeToString(bin));
        String json;
        try {
            json = Json.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the weights always serialise", e);
        }
        return ("/* attoscope playground weights: model.bin " + bundle.sha256() + " as base64, written by the build. */\n"
                + "window." + GLOBAL + " = " + json + ";\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes the bundle was loaded from, re-read and re-checked: the page will check the same hash. */
    private static byte[] modelBin(ModelBundle bundle) {
        Path file = bundle.dir().resolve("model.bin");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file, "cannot read the model weights for the playground: " + e.getMessage() + ".",
                    "check that the model bundle is still in place.", e);
        }
        if (!Sha256.hex(bytes).equals(bundle.sha256())) {
            throw new InputException(file, "model.bin changed while the site was being built.",
                    "build again once the model bundle is no longer being written.");
        }
        return bytes;
    }
}
