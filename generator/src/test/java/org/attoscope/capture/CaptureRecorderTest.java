package org.attoscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.attoscope.InputException;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.Tokenizer;
import org.attoscope.testing.TestModels;
import org.attoscope.trace.NextTokenDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a capture of the real model holds, step by step. */
class CaptureRecorderTest {
    static AttoGpt engine;
    static CaptureRun run;
    static Map<String, F32Tensor> tensors;

    @BeforeAll
    static void captureOnceUponATime() {
        engine = TestModels.realEngine();
        run = new CaptureRecorder(engine).record("Once upon a time", 2);
        tensors = run.tensors().stream().collect(Collectors.toMap(F32Tensor::name, Function.identity()));
    }

    @Test
    void theManifestDescribesTheRun() {
        CaptureManifest m = run.manifest();
        Tokenizer tok = engine.tokenizer();
        assertEquals("attoGPT", m.model());
        assertEquals(TestModels.realBundle().sha256(), m.modelSha256());
        assertEquals("Once upon a time", m.prompt());
        assertEquals(List.of(tok.bosId(), 48, 53, 11, 39), m.promptIds(), "<bos> once upon a time");
        assertEquals(2, m.outputIds().size());
        assertEquals(tok.decode(m.outputIds().stream().mapToInt(Integer::intValue).toArray()), m.outputText());
        assertEquals(2, m.steps());
        assertEquals("attoscope capture", m.generator());
        assertEquals(16, m.tensors().size(), "eight kinds per step");
        for (F32Tensor t : run.tensors()) {
            assertEquals(new ManifestTensor("F32", t.shape(), t.sha256()), m.tensors().get(t.name()));
        }
    }

    @Test
    void eachStepReadsThePromptAndTheTokensGeneratedSoFar() {
        for (int step = 0; step < 2; step++) {
            int t = 5 + step;
            assertEquals(List.of(1, t, 160), tensors.get(TensorKind.HIDDEN_STATE.at(step)).shape());
            assertEquals(List.of(1, 2, t, t), tensors.get(TensorKind.ATTENTION_SCORES.at(step)).shape());
            assertEquals(List.of(1, 2, t, t), tensors.get(TensorKind.ATTENTION.at(step)).shape());
            for (TensorKind kind : List.of(TensorKind.ATTENTION_OUTPUT, TensorKind.MLP_OUTPUT, TensorKind.RESIDUAL, TensorKind.FINAL_NORM)) {
                assertEquals(List.of(1, t, 160), tensors.get(kind.at(step)).shape(), kind.at(step));
            }
            assertEquals(List.of(1, 4096), tensors.get(TensorKind.LOGITS_LAST.at(step)).shape());
        }
        assertEquals(List.of(1, 48, 53, 11, 39, run.manifest().outputIds().get(0)), run.manifest().idsAtStep(1));
    }

    @Test
    void eachOutputIsTheGreedyArgmaxOfItsStepsLogitsLeavingOutSpecialTokens() {
        for (int step = 0; step < 2; step++) {
            float[] logits = tensors.get(TensorKind.LOGITS_LAST.at(step)).values();
            int best = -1;
            for (int id = 0; id < logits.length; id++) {
                if (!engine.tokenizer().isExcludedFromPredictions(id) && (best < 0 || logits[id] > logits[best])) {
                    best = id;
                }
            }
            assertEquals(best, run.manifest().outputIds().get(step));
            assertEquals(best, new NextTokenDistribution(logits, engine.tokenizer()).top(1).get(0).id());
        }
    }

    @Test
    void theResidualStreamAddsUpBitForBitFromTheCapturedParts() {
        float[] x = tensors.get("step01.hidden_state_00").values();
        float[] attn = tensors.get("step01.attention_output_00").values();
        float[] mlp = tensors.get("step01.mlp_output_00").values();
        float[] resid = tensors.get("step01.residual_00").values();
        for (int i = 0; i < resid.length; i++) {
            assertEquals(Float.floatToRawIntBits(resid[i]), Float.floatToRawIntBits((x[i] + attn[i]) + mlp[i]), "element " + i);
        }
    }

    @Test
    void sparseAttentionKeepsAtMostFiveKeysPerQueryAndDenseAttentionIsCausal() {
        float[] sparse = tensors.get("step01.attention_00").values();
        float[] dense = tensors.get("step01.attention_scores_00").values();
        int t = 6;
        for (int h = 0; h < 2; h++) {
            for (int q = 0; q < t; q++) {
                int kept = 0;
                double sparseSum = 0;
                double denseSum = 0;
                for (int k = 0; k < t; k++) {
                    float s = sparse[(h * t + q) * t + k];
                    float d = dense[(h * t + q) * t + k];
                    if (k > q) {
                        assertEquals(0f, s, "no attention to the future");
                        assertEquals(0f, d, "no attention to the future");
                    }
                    kept += s != 0 ? 1 : 0;
                    sparseSum += s;
                    denseSum += d;
                }
                assertEquals(Math.min(5, q + 1), kept, "head " + h + " query " + q);
                assertEquals(1.0, sparseSum, 1e-6);
                assertEquals(1.0, denseSum, 1e-6);
            }
        }
    }

    @Test
    void aPromptAndStepsLongerThanTheContextAreRefused() {
        CaptureRecorder recorder = new CaptureRecorder(engine);
        InputException e = assertThrows(InputException.class, () -> recorder.record("once upon a time", 124));
        assertTrue(e.getMessage().contains("5 tokens (with <bos>) and 124 steps would make 129"), e.getMessage());
        assertTrue(e.getMessage().contains("--steps 123 or fewer"), e.getMessage());
        assertThrows(InputException.class, () -> recorder.record("once", 0));
    }
}
