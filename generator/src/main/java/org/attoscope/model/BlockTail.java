package org.attoscope.model;

/**
 * Everything after attention, for a batch of rows: the output projection, the first residual add, RMSNorm, the MLP
 * with exact GELU, the second residual add, the final norm and the tied logits ({@link ReferenceForward}'s steps
 * after "attention", the products batched through {@link Gemm} and, for the logits, {@link TiledGemm}, the GELUs through {@link Erf#geluAll}). The engine runs its points through it and the {@link Explainer}
 * its counterfactual rows, so both hold one copy of the transposed weights and add in one order.
 */
final class BlockTail {
    private final ModelConfig cfg;
    private final float[] ln2;
    private final float[] lnF;
    private final float[][] projT;
    private final float[][] fcT;
    private final float[][] mlpProjT;
    private final TiledGemm logitsProduct;

    /**
     * What the rows became, each array row-major: the attention output after its projection, the MLP's output, the
     * final residual, and for the first {@code withLogits} rows the final norm and the logits (one array a row).
     */
    record Rows(float[] attentionOutput, float[] mlp, float[] residual, float[] finalNorm, float[][] logits) {
    }

    BlockTail(ModelBundle bundle) {
        this.cfg = bundle.config();
        int c = cfg.width();
        this.ln2 = bundle.tensor("block.ln2.weight");
        this.lnF = bundle.tensor("ln_f.weight");
        this.projT = Gemm.transpose(bundle.tensor("block.attn.proj.weight"), c, c);
        this.fcT = Gemm.transpose(bundle.tensor("block.mlp.fc.weight"), cfg.hidden(), c);
        this.mlpProjT = Gemm.transpose(bundle.tensor("block.mlp.proj.weight"), c, cfg.hidden());
        this.logitsProduct = new TiledGemm(bundle.tensor("tok_emb.weight"), cfg.vocabSize(), c);
    }

    /**
     * @param x          each row's block input (token + position embedding)
     * @param mixed      each row's attention mix, heads side by side
     * @param withLogits how many of the first rows need the final norm and logits (the others only their residual)
     */
    Rows run(float[] x, float[] mixed, int rows, int withLogits) {
        int c = cfg.width();
        float[] attnOut = new float[rows * c];
        Gemm.multiply(mixed, rows, projT, attnOut);
        float[] resid = new float[rows * c];
        for (int i = 0; i < resid.length; i++) {
            resid[i] = x[i] + attnOut[i];
        }
        float[] normed = new float[rows * c];
        for (int r = 0; r < rows; r++) {
            RmsNorm.apply(resid, r * c, ln2, normed, r * c);
        }
        float[] hidden = new float[rows * cfg.hidden()];
        Gemm.multiply(normed, rows, fcT, hidden);
        Erf.geluAll(hidden, hidden.length);
        float[] mlp = new float[rows * c];
        Gemm.multiply(hidden, rows, mlpProjT, mlp);
        for (int i = 0; i < resid.length; i++) {
            resid[i] = resid[i] + mlp[i];
        }
        float[] fin = new float[withLogits * c];
        for (int r = 0; r < withLogits; r++) {
            RmsNorm.apply(resid, r * c, lnF, fin, r * c);
        }
        float[][] logits = new float[withLogits][cfg.vocabSize()];
        if (withLogits > 0) {
            logitsProduct.multiply(fin, withLogits, logits);
        }
        return new Rows(attnOut, mlp, resid, fin, logits);
    }
}
