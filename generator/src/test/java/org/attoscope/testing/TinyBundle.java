package org.attoscope.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.attoscope.util.Json;
import org.attoscope.util.Sha256;

/**
 * Writes a small model bundle in the attoGPT browser format, for unit tests that must not depend on the real one.
 *
 * <p>Weights are seeded pseudo-random values unless a test sets a tensor by hand (see {@link #set}).
 */
public final class TinyBundle {
    public static final List<String> WORDS = List.of("<pad>", "<bos>", "<eos>", "<unk>", ".", ",", "!", "?",
            "the", "cat", "sat", "on", "mat", "a", "dog", "ran");

    private int vocab = WORDS.size();
    private int block = 8;
    private int width = 8;
    private int heads = 2;
    private double mlpMult = 2.0;
    private int topk = 2;
    private long seed = 7;
    private List<String> words = WORDS;
    private final Map<String, float[]> overrides = new LinkedHashMap<>();
    private Consumer<ObjectNode> manifestEdit = m -> { };

    public TinyBundle block(int b) {
        this.block = b;
        return this;
    }

    public TinyBundle width(int w, int h) {
        this.width = w;
        this.heads = h;
        return this;
    }

    public TinyBundle topk(int k) {
        this.topk = k;
        return this;
    }

    public TinyBundle mlpMult(double m) {
        this.mlpMult = m;
        return this;
    }

    public TinyBundle seed(long s) {
        this.seed = s;
        return this;
    }

    public TinyBundle words(List<String> w) {
        this.words = List.copyOf(w);
        this.vocab = w.size();
        return this;
    }

    /** Sets one tensor's values (row-major) instead of random ones. */
    public TinyBundle set(String tensor, float... values) {
        overrides.put(tensor, values.clone());
        return this;
    }

    /** Edits the manifest after it is built (to make bad bundles). */
    public TinyBundle editManifest(Consumer<ObjectNode> edit) {
        this.manifestEdit = edit;
        return this;
    }

    public int hidden() {
        return (int) Math.floor(mlpMult * width);
    }

    public Map<String, int[]> shapes() {
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("tok_emb.weight", new int[] {vocab, width});
        m.put("pos_emb.weight", new int[] {block, width});
        m.put("block.ln1.weight", new int[] {width});
        m.put("block.attn.qkv.weight", new int[] {3 * width, width});
        m.put("block.attn.proj.weight", new int[] {width, width});
        m.put("block.ln2.weight", new int[] {width});
        m.put("block.mlp.fc.weight", new int[] {hidden(), width});
        m.put("block.mlp.proj.weight", new int[] {width, hidden()});
        m.put("ln_f.weight", new int[] {width});
        return m;
    }

    /** Writes manifest.json, tokenizer.json and model.bin into {@code dir} and returns it. */
    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            SplittableRandom rnd = new SplittableRandom(seed);
            List<Float> all = new ArrayList<>();
            ObjectNode tensors = Json.mapper().createObjectNode();
            for (Map.Entry<String, int[]> e : shapes().entrySet()) {
                int n = 1;
                for (int d : e.getValue()) {
                    n *= d;
                }
                float[] values = overrides.get(e.getKey());
                if (values == null) {
                    values = new float[n];
                    boolean norm = e.getKey().contains("ln");
                    for (int i = 0; i < n; i++) {
                        values[i] = norm ? (float) (1 + 0.1 * rnd.nextGaussian()) : (float) (0.5 * rnd.nextGaussian());
                    }
                } else if (values.length != n) {
                    throw new IllegalArgumentException(e.getKey() + " needs " + n + " values, got " + values.length);
                }
                ObjectNode t = tensors.putObject(e.getKey());
                ArrayNode shape = t.putArray("shape");
                for (int d : e.getValue()) {
                    shape.add(d);
                }
                t.put("offset", all.size());
                t.put("length", n);
                for (float v : values) {
                    all.add(v);
                }
            }
            ByteBuffer buf = ByteBuffer.allocate(all.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
            all.forEach(buf::putFloat);
            byte[] bytes = buf.array();
            Files.write(dir.resolve("model.bin"), bytes);

            ObjectNode manifest = Json.mapper().createObjectNode();
            manifest.put("format", "tiny-gpt-web-f32-v1");
            ObjectNode cfg = manifest.putObject("config");
            cfg.put("vocab_size", vocab);
            cfg.put("block_size", block);
            cfg.put("n_embd", width);
            cfg.put("n_head", heads);
            cfg.put("mlp_mult", mlpMult);
            cfg.put("dropout", 0.0);
            cfg.put("norm", "rmsnorm");
            cfg.put("activation", "gelu");
            cfg.put("pos", "learned");
            cfg.put("topk_attn", topk);
            cfg.put("qk_norm", false);
            cfg.put("tie_weights", true);
            manifest.put("dtype", "float32-le");
            manifest.set("tensors", tensors);
            manifest.put("num_floats", all.size());
            manifest.put("num_bytes", bytes.length);
            manifest.put("sha256", Sha256.hex(bytes));
            manifestEdit.accept(manifest);
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("manifest.json").toFile(), manifest);

            ObjectNode tok = Json.mapper().createObjectNode();
            tok.put("kind", "word");
            ArrayNode itos = tok.putArray("itos");
            words.forEach(itos::add);
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("tokenizer.json").toFile(), tok);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
