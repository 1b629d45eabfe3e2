package org.attoscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.attoscope.testing.TinyBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainerTest {
    private static final int THE = 8;

    @TempDir
    Path dir;

    /**
     * Width 4, two heads of 2, zero queries and keys (every score 0, so top-2 keeps the two earliest rows at weight
     * 1/2 each), identity values and output projection, and a zero MLP: small enough to work out on paper.
     *
     * <p>{@code <bos>} embeds as (2,0,0,0), "the" as (0,2,0,0), position 1 as (0,1,2,0). At "the" (position 1)
     * the input is x1 = (0,3,2,0). RMSNorm scales row 0 by s0 = 1/sqrt(1 + 1e-6) and row 1 by
     * s1 = 1/sqrt(13/4 + 1e-6), so the values are v0 = s0 (2,0,0,0) and v1 = s1 (0,3,2,0). Head 0 (dimensions 0,1)
     * mixes 1/2 v0 + 1/2 v1 = (s0, 1.5 s1), head 1 (dimensions 2,3) mixes (s1, 0). The residual is
     * r = (s0, 3 + 1.5 s1, 2 + s1, 0), R = sqrt(mean(r^2) + 1e-6), and "the"'s logit is E_the . r / R =
     * 2 (3 + 1.5 s1) / R: the token embedding gives 4/R, the position 2/R, head 0's link to "the" itself
     * 1/2 * 2 * 3 s1 / R, its link to {@code <bos>} and all of head 1 nothing (E_the is 0 there), the MLP nothing.
     */
    @Test
    void theLogitOfATwoTokenTextSplitsIntoThePartsWorkedOutByHand() {
        ModelBundle bundle = handMade();
        AttoGpt engine = new AttoGpt(bundle);
        int[] ids = bundle.tokenizer().encode("the").ids();
        FocusResult[] points = engine.points(ids, 0, 2);
        Explained e = Explainer.of(engine).explain(ids, points, new int[][] {{THE}, {THE}})[1];

        double s0 = 1 / Math.sqrt(1 + 1e-6);
        double s1 = 1 / Math.sqrt(13.0 / 4 + 1e-6);
        double r0 = s0;
        double r1 = 3 + 1.5 * s1;
        double r2 = 2 + s1;
        double big = Math.sqrt((r0 * r0 + r1 * r1 + r2 * r2) / 4 + 1e-6);
        assertArrayEquals(new int[] {0, 1}, points[1].heads()[0].sources(), "equal scores: the earlier row first");
        assertEquals(big, e.finalRms(), 1e-6);
        assertEquals(2 * r1 / big, points[1].logits()[THE], 1e-6);

        Explained.TargetParts the = e.targets().get(0);
        assertEquals(4 / big, the.token(), 1e-6);
        assertEquals(2 / big, the.position(), 1e-6);
        assertEquals(0, the.heads()[0][0], 1e-6, "the link to <bos>: E_the is 0 along <bos>'s value");
        assertEquals(3 * s1 / big, the.heads()[0][1], 1e-6);
        assertEquals(0, the.heads()[1][0], 1e-6);
        assertEquals(0, the.heads()[1][1], 1e-6);
        assertEquals(0, the.mlp(), 1e-12);
        assertEquals(points[1].logits()[THE], the.sum(), 1e-6);

        // head 0 off: r = (0, 3, 2 + s1, 0)
        double off = Math.sqrt((9 + r2 * r2) / 4 + 1e-6);
        assertEquals(6 / off, e.headOff()[0][THE], 1e-6);
        // head 1 off: r = (s0, 3 + 1.5 s1, 2, 0)
        assertEquals(2 * r1 / Math.sqrt((r0 * r0 + r1 * r1 + 4) / 4 + 1e-6), e.headOff()[1][THE], 1e-6);
        // both rows are kept already, so dense attention is the same attention
        assertEquals(points[1].logits()[THE], e.dense()[THE], 1e-6);
        // head 0 without its link to <bos> reads only v1 (weight renormalised to 1): r = (0, 3 + 3 s1, 2 + s1, 0)
        double a = 3 + 3 * s1;
        assertEquals(2 * a / Math.sqrt((a * a + r2 * r2) / 4 + 1e-6), e.linkDrops()[0][0][THE], 1e-6);
        // head 0 without its link to "the" reads only v0: r = (2 s0, 3, 2 + s1, 0)
        assertEquals(6 / Math.sqrt((4 * s0 * s0 + 9 + r2 * r2) / 4 + 1e-6), e.linkDrops()[0][1][THE], 1e-6);

        Explained first = Explainer.of(engine).explain(ids, points, new int[][] {{THE}, {THE}})[0];
        assertEquals(0, first.linkDrops()[0].length - 1, "the first token has one link per head");
        assertArrayEquals(first.headOff()[0], first.linkDrops()[0][0], "dropping a head's only link switches the head off");
    }

    /** Switching head h off is the same model with the output projection's columns of head h set to zero. */
    @Test
    void aHeadSwitchedOffPredictsWhatAModelWithoutThatHeadPredicts() {
        ModelBundle full = ModelBundle.load(new TinyBundle().seed(11).writeTo(dir.resolve("full")));
        int[] ids = full.tokenizer().encode("the cat sat on the mat . a dog ran on the mat , the cat sat").ids();
        AttoGpt engine = new AttoGpt(full);
        FocusResult[] points = engine.points(ids, 0, ids.length);
        int[][] targets = new int[points.length][];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = new int[] {THE};
        }
        Explained[] explained = Explainer.of(engine).explain(ids, points, targets);
        int c = full.config().width();
        int d = full.config().headWidth();
        for (int h = 0; h < full.config().heads(); h++) {
            float[] proj = full.tensor("block.attn.proj.weight").clone();
            for (int i = 0; i < c; i++) {
                for (int j = h * d; j < (h + 1) * d; j++) {
                    proj[i * c + j] = 0;
                }
            }
            TinyBundle without = new TinyBundle().seed(11);
            for (String name : without.shapes().keySet()) {
                without.set(name, name.equals("block.attn.proj.weight") ? proj : full.tensor(name));
            }
            FocusResult[] ablated = new AttoGpt(ModelBundle.load(without.writeTo(dir.resolve("without" + h)))).points(ids, 0, ids.length);
            for (int p = 0; p < points.length; p++) {
                assertArrayEquals(points[p].heads()[h].sources(), ablated[p].heads()[h].sources(), "attention does not read W_o");
                assertArrayEquals(ablated[p].logits(), explained[p].headOff()[h], 2e-5f, "point " + p + ", head " + h + " off");
            }
        }
    }

    private ModelBundle handMade() {
        float[] tok = new float[16 * 4];
        tok[1 * 4] = 2;          // <bos> = (2, 0, 0, 0)
        tok[THE * 4 + 1] = 2;    // the   = (0, 2, 0, 0)
        float[] pos = new float[4 * 4];
        pos[4 + 1] = 1;          // position 1 = (0, 1, 2, 0)
        pos[4 + 2] = 2;
        float[] qkv = new float[12 * 4];
        for (int i = 0; i < 4; i++) {
            qkv[(8 + i) * 4 + i] = 1; // values: identity; queries and keys: zero
        }
        float[] identity = new float[16];
        for (int i = 0; i < 4; i++) {
            identity[i * 4 + i] = 1;
        }
        return ModelBundle.load(new TinyBundle().width(4, 2).block(4).topk(2).mlpMult(1)
                .set("tok_emb.weight", tok)
                .set("pos_emb.weight", pos)
                .set("block.ln1.weight", 1, 1, 1, 1)
                .set("block.attn.qkv.weight", qkv)
                .set("block.attn.proj.weight", identity)
                .set("block.ln2.weight", 1, 1, 1, 1)
                .set("block.mlp.fc.weight", new float[16])
                .set("block.mlp.proj.weight", new float[16])
                .set("ln_f.weight", 1, 1, 1, 1)
                .writeTo(dir.resolve("hand")));
    }
}
