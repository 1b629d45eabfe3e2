package org.attoscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.attoscope.testing.TinyBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttoGptTest {
    @TempDir
    Path dir;

    /**
     * Width 2, one head, identity q/k/v, no position signal, and a block whose attention projection and MLP are zero:
     * small enough to work out on paper.
     *
     * <p>{@code <bos>} embeds as (1,0) and "the" as (0,1). RMSNorm scales both by s = 1/sqrt(1/2 + 1e-6). At "the" the
     * query (0,s) scores s^2/sqrt(2) against its own key and 0 against {@code <bos>}'s; with top-2 the softmax keeps
     * both. The zero projection leaves the residual (0,1), whose final norm (0,s) against the tied embedding gives
     * "the" the logit s and every other word 0.
     */
    @Test
    void aTwoTokenTextComputesTheWeightsAndLogitsWorkedOutByHand() {
        float[] tok = new float[16 * 2];
        tok[1 * 2] = 1;      // <bos> = (1, 0)
        tok[8 * 2 + 1] = 1;  // the   = (0, 1)
        ModelBundle bundle = ModelBundle.load(new TinyBundle().width(2, 1).block(4).topk(2).mlpMult(1)
                .set("tok_emb.weight", tok)
                .set("pos_emb.weight", new float[4 * 2])
                .set("block.ln1.weight", 1, 1)
                .set("block.attn.qkv.weight", 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1)
                .set("block.attn.proj.weight", new float[4])
                .set("block.ln2.weight", 1, 1)
                .set("block.mlp.fc.weight", new float[4])
                .set("block.mlp.proj.weight", new float[4])
                .set("ln_f.weight", 1, 1)
                .writeTo(dir));
        AttoGpt engine = new AttoGpt(bundle);
        int[] ids = bundle.tokenizer().encode("the").ids();
        assertArrayEquals(new int[] {1, 8}, ids);

        FocusResult[] points = engine.points(ids, 0, 2);
        double s = 1 / Math.sqrt(0.5 + 1e-6);
        double self = s * s / Math.sqrt(2);
        double wSelf = 1 / (1 + Math.exp(-self));

        HeadLinks atThe = points[1].heads()[0];
        assertArrayEquals(new int[] {1, 0}, atThe.sources(), "its own position first, it scores higher");
        assertEquals(wSelf, atThe.weights()[0], 1e-7);
        assertEquals(1 - wSelf, atThe.weights()[1], 1e-7);
        assertEquals((float) s, points[1].logits()[8], 1e-6);
        assertEquals(0f, points[1].logits()[1]);

        HeadLinks atBos = points[0].heads()[0];
        assertArrayEquals(new int[] {0}, atBos.sources(), "the first token can only read itself");
        assertEquals(1f, atBos.weights()[0]);
        assertEquals((float) s, points[0].logits()[1], 1e-6);
    }

    @Test
    void agreesWithTheReferenceForwardAtEveryPointIncludingSlidingWindows() {
        ModelBundle bundle = ModelBundle.load(new TinyBundle().block(8).topk(3).writeTo(dir));
        AttoGpt engine = new AttoGpt(bundle);
        ReferenceForward baseline = new ReferenceForward(bundle);
        int[] ids = bundle.tokenizer().encode("the cat sat on the mat. a dog ran, the cat ran! the dog sat on a mat?").ids();
        assertTrue(ids.length > 16, "long enough to slide the 8-token window many times");

        FocusResult[] all = engine.points(ids, 0, ids.length);
        for (int p = 0; p < ids.length; p++) {
            FocusResult want = baseline.forwardFocus(ids, p);
            FocusResult got = all[p];
            assertEquals(Math.max(0, p - 7), got.contextStart(), "point " + p + " window");
            for (int h = 0; h < 2; h++) {
                assertArrayEquals(want.heads()[h].sources(), got.heads()[h].sources(), "point " + p + " head " + h);
                assertArrayEquals(want.heads()[h].weights(), got.heads()[h].weights(), 1e-6f, "point " + p + " head " + h);
            }
            assertArrayEquals(want.logits(), got.logits(), 1e-5f, "point " + p + " logits");
        }
    }

    @Test
    void aPointsValuesDoNotDependOnWhichBatchComputedIt() {
        ModelBundle bundle = ModelBundle.load(new TinyBundle().block(8).writeTo(dir));
        AttoGpt engine = new AttoGpt(bundle);
        int[] ids = bundle.tokenizer().encode("the cat sat on the mat and the dog ran on the mat").ids();
        FocusResult[] whole = engine.points(ids, 0, ids.length);
        for (int p = 0; p < ids.length; p++) {
            FocusResult alone = engine.points(ids, p, p + 1)[0];
            assertArrayEquals(whole[p].logits(), alone.logits(), "point " + p + " bit for bit");
            for (int h = 0; h < 2; h++) {
                assertArrayEquals(whole[p].heads()[h].weights(), alone.heads()[h].weights(), "point " + p);
            }
        }
    }

    @Test
    void activationsOfAWindowMatchItsPoints() {
        ModelBundle bundle = ModelBundle.load(new TinyBundle().block(8).topk(2).writeTo(dir));
        AttoGpt engine = new AttoGpt(bundle);
        int[] ids = bundle.tokenizer().encode("the cat sat on a mat").ids();
        Activations a = engine.activations(ids);
        FocusResult[] points = engine.points(ids, 0, ids.length);
        int v = bundle.config().vocabSize();
        int t = ids.length;
        for (int q = 0; q < t; q++) {
            float[] row = java.util.Arrays.copyOfRange(a.logits, q * v, (q + 1) * v);
            assertArrayEquals(points[q].logits(), row, "logits row " + q);
            double dense = 0;
            int nonzero = 0;
            for (int k = 0; k < t; k++) {
                dense += a.attentionDense[q * t + k];
                nonzero += a.attentionSparse[q * t + k] != 0 ? 1 : 0;
                if (k > q) {
                    assertEquals(0f, a.attentionDense[q * t + k], "causal: no weight on later tokens");
                }
            }
            assertEquals(1.0, dense, 1e-6, "dense softmax of row " + q + " sums to one");
            assertEquals(Math.min(2, q + 1), nonzero, "top-2 keeps two links once there are two tokens");
        }
    }
}
