package org.attoscope.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.attoscope.InputException;
import org.attoscope.model.Activations;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.Tokenizer;
import org.attoscope.trace.NextTokenDistribution;

/**
 * Runs attoGPT greedily on a prompt and records every step's intermediates (see {@link TensorKind}).
 *
 * <p>Step s reads the prompt and the s tokens generated so far, in one window, and appends the argmax of the
 * next-token distribution that leaves out {@code <pad>}, {@code <bos>} and {@code <unk>} (ties to the lower id, as
 * the explorer's predictions rank them). Every step is a fresh forward pass over the whole sequence, as the published
 * model computes it, so a step's tensors do not depend on how the earlier steps were computed.
 */
public final class CaptureRecorder {
    public static final String MODEL_NAME = "attoGPT";

    private final AttoGpt engine;

    public CaptureRecorder(AttoGpt engine) {
        this.engine = engine;
    }

    /** The prompt tokenized and run for {@code steps} greedy steps. */
    public CaptureRun record(String prompt, int steps) {
        Tokenizer tokenizer = engine.tokenizer();
        int[] promptIds = tokenizer.encode(prompt).ids();
        int context = engine.config().blockSize();
        if (steps < 1) {
            throw new InputException(null, "--steps is " + steps + "; a capture generates at least one token.", "pass --steps 1 or more.");
        }
        if (promptIds.length + steps > context) {
            throw new InputException(null, "the prompt is " + promptIds.length + " tokens (with <bos>) and " + steps + " steps would make "
                    + (promptIds.length + steps) + ", but a capture runs one window of at most " + context + " tokens.",
                    promptIds.length >= context ? "shorten the prompt." : "shorten the prompt or pass --steps " + (context - promptIds.length) + " or fewer.");
        }
        int[] sequence = Arrays.copyOf(promptIds, promptIds.length + steps);
        List<F32Tensor> tensors = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            int t = promptIds.length + s;
            Activations a = engine.activations(Arrays.copyOf(sequence, t));
            int h = a.heads;
            int c = a.width;
            tensors.add(new F32Tensor(TensorKind.HIDDEN_STATE.at(s), List.of(1, t, c), a.embedding));
            tensors.add(new F32Tensor(TensorKind.ATTENTION_SCORES.at(s), List.of(1, h, t, t), a.attentionDense));
            tensors.add(new F32Tensor(TensorKind.ATTENTION.at(s), List.of(1, h, t, t), a.attentionSparse));
            tensors.add(new F32Tensor(TensorKind.ATTENTION_OUTPUT.at(s), List.of(1, t, c), a.attentionOutput));
            tensors.add(new F32Tensor(TensorKind.MLP_OUTPUT.at(s), List.of(1, t, c), a.mlpOutput));
            tensors.add(new F32Tensor(TensorKind.RESIDUAL.at(s), List.of(1, t, c), a.residual));
            tensors.add(new F32Tensor(TensorKind.FINAL_NORM.at(s), List.of(1, t, c), a.finalNorm));
            float[] last = Arrays.copyOfRange(a.logits, (t - 1) * a.vocab, t * a.vocab);
            tensors.add(new F32Tensor(TensorKind.LOGITS_LAST.at(s), List.of(1, a.vocab), last));
            sequence[t] = new NextTokenDistribution(last, tokenizer).top(1).get(0).id();
        }
        int[] outputIds = Arrays.copyOfRange(sequence, promptIds.length, sequence.length);
        SortedMap<String, ManifestTensor> locks = new TreeMap<>();
        for (F32Tensor t : tensors) {
            requireFinite(t);
            locks.put(t.name(), new ManifestTensor(Dtype.F32.safetensorsName(), t.shape(), t.sha256()));
        }
        CaptureManifest manifest = new CaptureManifest(MODEL_NAME, engine.modelSha256(), prompt, boxed(promptIds), boxed(outputIds),
                tokenizer.decode(outputIds), steps, CaptureManifest.ATTOSCOPE_GENERATOR, locks);
        return new CaptureRun(manifest, tensors);
    }

    /** The engine never produces NaN or infinity; if it did, the capture would be refused on every read, so refuse it now. */
    private static void requireFinite(F32Tensor t) {
        float[] v = t.values();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalStateException("the engine produced " + v[i] + " in " + t.name() + " at " + Shapes.show(Shapes.multiIndex(t.shape(), i)));
            }
        }
    }

    private static List<Integer> boxed(int[] ids) {
        return Arrays.stream(ids).boxed().toList();
    }
}
