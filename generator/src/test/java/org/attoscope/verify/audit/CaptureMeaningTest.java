package org.attoscope.verify.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What captured tensors must mean, checked on tensors small enough to work out by hand. */
class CaptureMeaningTest {
    private static final List<Integer> SHAPE = List.of(1, 1, 3, 3);

    @Test
    void causalAttentionWhoseRowsSumToOneIsSound() {
        float[] w = {1, 0, 0, 0.25f, 0.75f, 0, 0.5f, 0.25f, 0.25f};
        assertEquals(List.of(), CaptureMeaning.attentionRows("step00.attention_00", SHAPE, w));
        assertEquals(List.of(), CaptureMeaning.causal("step00.attention_00", SHAPE, w));
    }

    @Test
    void aRowThatDoesNotSumToOneIsNamedWithItsSum() {
        float[] w = {1, 0, 0, 0.25f, 0.5f, 0, 0.5f, 0.25f, 0.25f};
        assertEquals(List.of("tensor t row [0, 0, q=1] sums to 0.75, not 1"), CaptureMeaning.attentionRows("t", SHAPE, w));
    }

    @Test
    void aWeightAfterItsQueryBreaksCausality() {
        float[] w = {0.5f, 0.5f, 0, 0.25f, 0.75f, 0, 0.5f, 0.25f, 0.25f};
        assertEquals(List.of("tensor t row [0, 0, q=0] gives key 1 (after its query) weight 0.5, not 0"), CaptureMeaning.causal("t", SHAPE, w));
    }

    @Test
    void topKKeepsTheLargestDenseScoresRenormalised() {
        // dense row 2: 0.5, 0.3, 0.2; top-2 keeps keys 0 and 1 with 0.625 and 0.375
        float[] dense = {1, 0, 0, 0.6f, 0.4f, 0, 0.5f, 0.3f, 0.2f};
        float[] sparse = {1, 0, 0, 0.6f, 0.4f, 0, 0.625f, 0.375f, 0};
        assertEquals(List.of(), CaptureMeaning.topK("step00.attention_00", SHAPE, sparse, dense, 2));
        float[] wrongKey = {1, 0, 0, 0.6f, 0.4f, 0, 0.625f, 0, 0.375f};
        List<String> found = CaptureMeaning.topK("step00.attention_00", SHAPE, wrongKey, dense, 2);
        assertTrue(found.get(0).startsWith("tensor step00.attention_00 row [0, 0, q=2] drops key 1, whose dense weight 0.3"), found.toString());
        float[] tooMany = {1, 0, 0, 0.6f, 0.4f, 0, 0.5f, 0.3f, 0.2f};
        assertEquals(List.of("tensor step00.attention_00 row [0, 0, q=2] has 3 nonzero weights, more than the top-2"),
                CaptureMeaning.topK("step00.attention_00", SHAPE, tooMany, dense, 2));
    }

    @Test
    void tensorsClaimAttentionByNameAndSquareShape() {
        assertTrue(CaptureMeaning.claimsAttention("step02.attention_scores_00", List.of(1, 2, 4, 4)));
        assertTrue(CaptureMeaning.claimsAttention("layer0.attn", List.of(1, 2, 4, 4)));
        assertEquals(false, CaptureMeaning.claimsAttention("step00.attention_output_00", List.of(1, 4, 160)));
        assertEquals(false, CaptureMeaning.claimsAttention("layer0.attn_out", List.of(1, 1, 4, 4)));
        assertEquals("step01.attention_scores_00", CaptureMeaning.denseOf("step01.attention_00"));
        assertEquals(1, CaptureMeaning.argmax(new float[] {0.5f, 2, 2, -1}), "ties go to the lower id");
    }
}
