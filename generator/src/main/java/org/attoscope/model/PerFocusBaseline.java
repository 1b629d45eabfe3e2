package org.attoscope.model;

import org.attoscope.util.FdlibmExp;

/**
 * The forward pass the way a live in-browser explorer runs it: for every focus, rebuild the whole window from the
 * embeddings, normalise each row and project it through the full qkv matrix, then run the block for that one row.
 *
 * <p>Kept for two reasons: it is the benchmark's baseline, and, written as plainly as possible and without the
 * engine's algebraic shortcuts, it is an independent oracle the engine is tested against.
 */
public final class PerFocusBaseline {
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

    public PerFocusBaseline(ModelBundle bundle) {
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

    public FocusResult forwardFocus(int[] ids, int focus) {
        int c = cfg.width();
        int d = cfg.headWidth();
        int start = Math.max(0, focus - cfg.blockSize() + 1);
        int t = focus - start + 1;
        float[][] x = new float[t][c];
        float[][] k = new float[t][];
        float[][] v = new float[t][];
        float[] q = null;
        for (int r = 0; r < t; r++) {
            for (int i = 0; i < c; i++) {
                x[r][i] = tok[ids[start + r] * c + i] + pos[r * c + i];
            }
            float[] all = linear(rmsNorm(x[r], ln1), qkv, 3 * c, c);
            if (r == t - 1) {
                q = slice(all, 0, c);
            }
            k[r] = slice(all, c, c);
            v[r] = slice(all, 2 * c, c);
        }
        float[] mixed = new float[c];
        HeadLinks[] heads = new HeadLinks[cfg.heads()];
        int keep = Math.min(cfg.topkAttn(), t);
        for (int h = 0; h < cfg.heads(); h++) {
            double[] scores = new double[t];
            for (int r = 0; r < t; r++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += (double) q[h * d + i] * k[r][h * d + i];
                }
                scores[r] = s / Math.sqrt(d);
            }
            int[] idx = new int[keep];
            double[] val = new double[keep];
            int kept = TopK.select(scores, t, keep, idx, val);
            double denom = 0;
            double[] e = new double[kept];
            for (int i = 0; i < kept; i++) {
                e[i] = FdlibmExp.exp(val[i] - val[0]);
                denom += e[i];
            }
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
        float[] resid = add(x[t - 1], linear(mixed, proj, c, c));
        float[] hidden = linear(rmsNorm(resid, ln2), fc, cfg.hidden(), c);
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = (float) Erf.gelu(hidden[i]);
        }
        resid = add(resid, linear(hidden, mlpProj, c, cfg.hidden()));
        float[] logits = linear(rmsNorm(resid, lnF), tok, cfg.vocabSize(), c);
        return new FocusResult(focus, start, heads, logits);
    }

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
