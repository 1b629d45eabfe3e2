package org.attoscope.model;

import org.attoscope.util.FdlibmExp;

/**
 * The attoGPT forward pass for one prediction point, written to be read in one sitting: the model is this file.
 * {@link AttoGpt} computes the same thing fast; start here to learn what it computes.
 *
 * <p>One point at {@code focus} sees the window of at most {@code block_size} tokens that ends at it. Every step
 * below runs for that window alone, from the embeddings up, the way a live in-browser explorer runs it: no table,
 * no batch, no shared keys. That plainness is why it is kept: it is the oracle the engine is tested against
 * ({@code AttoGptTest}) and the baseline the benchmark measures the engine against.
 *
 * <p>Precision (the engine's too, though it adds some sums in another fixed order): every weight and every row between
 * steps is float32, as the bundle stores them.
 * <ul>
 *   <li>The dense layers after attention (the output projection, the MLP's two products and the tied logits) are
 *       float32 throughout: each dot product adds its rounded float products one by one in input order, as the
 *       published browser model does. The engine's {@code Gemm} runs exactly this loop, vectorised, so the two agree
 *       bit for bit there; float is what makes those products (most of a point's arithmetic) twice as fast.</li>
 *   <li>The other sums of many terms (the fused qkv product, each attention score, the sum of squares of an
 *       RMSNorm, the softmax's denominator) are accumulated in double and rounded to float once.</li>
 *   <li>The embedding sum {@code tok + pos} and the two residual adds round to float at every add: one add of two
 *       floats each, where double would give the same float (a double holds the exact sum of two floats, so it
 *       rounds once either way).</li>
 *   <li>The attention mix: each kept value, times its softmax weight (a double), is added into the float mixed
 *       row, key by key, largest weight first, so the row rounds after every one of its (at most top-k) adds.</li>
 * </ul>
 * Scores, softmax weights and GELU are double until they are stored; the attention weights a reader sees are
 * the double softmax weights rounded to float.
 */
public final class ReferenceForward {
    private final ModelConfig cfg;
    private final float[] tok;
    private final float[] pos;
    private final float[] ln1;
    private final float[] qkv;
    private final float[] proj;
    private final float[] ln2;
    private final float[] fc;
    private final float[] mlpProj;
    private final float[] lnF;

    public ReferenceForward(ModelBundle bundle) {
        cfg = bundle.config();
        tok = bundle.tensor("tok_emb.weight");
        pos = bundle.tensor("pos_emb.weight");
        ln1 = bundle.tensor("block.ln1.weight");
        qkv = bundle.tensor("block.attn.qkv.weight");
        proj = bundle.tensor("block.attn.proj.weight");
        ln2 = bundle.tensor("block.ln2.weight");
        fc = bundle.tensor("block.mlp.fc.weight");
        mlpProj = bundle.tensor("block.mlp.proj.weight");
        lnF = bundle.tensor("ln_f.weight");
    }

    /** The prediction point at {@code focus} of the text {@code ids}: its attention links and next-token logits. */
    public FocusResult forwardFocus(int[] ids, int focus) {
        int c = cfg.width();
        int d = cfg.headWidth();
        // the window: the focus and the tokens before it, at most block_size of them
        int start = Math.max(0, focus - cfg.blockSize() + 1);
        int t = focus - start + 1;

        // embeddings: token plus position (positions count from the window's start), for every row of the window
        float[][] x = new float[t][c];
        for (int r = 0; r < t; r++) {
            for (int i = 0; i < c; i++) {
                x[r][i] = tok[ids[start + r] * c + i] + pos[r * c + i];
            }
        }

        // attention rmsnorm, then the fused qkv matmul: a key and a value for every row, the query for the focus only
        float[][] k = new float[t][];
        float[][] v = new float[t][];
        float[] q = null;
        for (int r = 0; r < t; r++) {
            float[] all = linear(rmsNorm(x[r], ln1), qkv, 3 * c, c);
            if (r == t - 1) {
                q = slice(all, 0, c);
            }
            k[r] = slice(all, c, c);
            v[r] = slice(all, 2 * c, c);
        }

        // multihead attention, iterating over the heads
        float[] mixed = new float[c];
        HeadLinks[] heads = new HeadLinks[cfg.heads()];
        int keep = Math.min(cfg.topkAttn(), t);
        for (int h = 0; h < cfg.heads(); h++) {
            // the attention score of every row: the dot product of the query and its key, over sqrt(head width)
            double[] scores = new double[t];
            for (int r = 0; r < t; r++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += (double) q[h * d + i] * k[r][h * d + i];
                }
                scores[r] = s / Math.sqrt(d);
            }
            // sparse attention: keep the top-k scores (largest first, ties to the earlier row), drop the rest
            int[] idx = new int[keep];
            double[] val = new double[keep];
            int kept = TopK.select(scores, t, keep, idx, val);
            // softmax over the kept scores alone
            double denom = 0;
            double[] e = new double[kept];
            for (int i = 0; i < kept; i++) {
                e[i] = FdlibmExp.exp(val[i] - val[0]);
                denom += e[i];
            }
            // weighted sum of the kept values into this head's part of the mixed row; the weights are the links
            int[] sources = new int[kept];
            float[] weights = new float[kept];
            for (int i = 0; i < kept; i++) {
                double p = e[i] / denom;
                sources[i] = start + idx[i];
                weights[i] = (float) p;
                for (int j = 0; j < d; j++) {
                    mixed[h * d + j] = (float) (mixed[h * d + j] + p * v[idx[i]][h * d + j]);
                }
            }
            heads[h] = new HeadLinks(sources, weights);
        }

        // final matmul to get the output of the attention, and the residual connection back into x
        float[] resid = add(x[t - 1], floatLinear(mixed, proj, c, c));

        // ffn rmsnorm, then the MLP: fc, GELU (the exact error function), proj
        float[] hidden = floatLinear(rmsNorm(resid, ln2), fc, cfg.hidden(), c);
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = (float) Erf.gelu(hidden[i]);
        }
        // residual connection
        resid = add(resid, floatLinear(hidden, mlpProj, c, cfg.hidden()));

        // final rmsnorm, and the classifier into logits, tied to the token embedding
        float[] logits = floatLinear(rmsNorm(resid, lnF), tok, cfg.vocabSize(), c);
        return new FocusResult(focus, start, heads, logits);
    }

    /** {@code row * w / sqrt(mean(row^2) + 1e-6)}, the mean in double. */
    private static float[] rmsNorm(float[] row, float[] w) {
        double meanSq = 0;
        for (float v : row) {
            meanSq += (double) v * v;
        }
        double scale = 1 / Math.sqrt(meanSq / row.length + 1e-6);
        float[] out = new float[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = (float) (row[i] * scale * w[i]);
        }
        return out;
    }

    /** {@code W in} for a row-major {@code W} of {@code out} rows, each dot product in double. */
    private static float[] linear(float[] in, float[] w, int out, int inDim) {
        float[] y = new float[out];
        for (int o = 0; o < out; o++) {
            double s = 0;
            for (int i = 0; i < inDim; i++) {
                s += (double) in[i] * w[o * inDim + i];
            }
            y[o] = (float) s;
        }
        return y;
    }

    /** {@code W in} in float32 throughout: each dot product a float sum, term after term in input order. */
    private static float[] floatLinear(float[] in, float[] w, int out, int inDim) {
        float[] y = new float[out];
        for (int o = 0; o < out; o++) {
            float s = 0;
            for (int i = 0; i < inDim; i++) {
                s += in[i] * w[o * inDim + i];
            }
            y[o] = s;
        }
        return y;
    }

    /** Element-wise, in float: a residual add. */
    private static float[] add(float[] a, float[] b) {
        float[] y = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = a[i] + b[i];
        }
        return y;
    }

    private static float[] slice(float[] a, int from, int n) {
        float[] y = new float[n];
        System.arraycopy(a, from, y, 0, n);
        return y;
    }
}
