package org.attoscope.model;

/**
 * Every intermediate tensor of one window, each row a query: what {@code attoscope capture} writes.
 * Row-major float32; attention arrays are [head][query][key].
 */
public final class Activations {
    public final int tokens;
    public final int width;
    public final int heads;
    public final int vocab;
    /** token + position embedding, the residual stream entering the block: [T, width] */
    public final float[] embedding;
    /** softmax over every causal score, before the top-k: [heads, T, T] */
    public final float[] attentionDense;
    /** softmax over the kept top-k scores, zeros elsewhere: [heads, T, T] */
    public final float[] attentionSparse;
    /** attention output after the projection: [T, width] */
    public final float[] attentionOutput;
    /** MLP output added to the residual: [T, width] */
    public final float[] mlpOutput;
    /** residual stream after the block: [T, width] */
    public final float[] residual;
    /** final RMSNorm output: [T, width] */
    public final float[] finalNorm;
    /** logits for every row: [T, vocab] */
    public final float[] logits;

    Activations(int tokens, int width, int heads, int vocab) {
        this.tokens = tokens;
        this.width = width;
        this.heads = heads;
        this.vocab = vocab;
        embedding = new float[tokens * width];
        attentionDense = new float[heads * tokens * tokens];
        attentionSparse = new float[heads * tokens * tokens];
        attentionOutput = new float[tokens * width];
        mlpOutput = new float[tokens * width];
        residual = new float[tokens * width];
        finalNorm = new float[tokens * width];
        logits = new float[tokens * vocab];
    }
}
