package org.attoscope.model;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.attoscope.util.FdlibmExp;

/**
 * The attoGPT forward pass: embeddings, one pre-norm block with top-k sparse attention, tied logits.
 *
 * <p>Read it as the published model's {@code forwardFocus}, restructured so a whole text costs little more than its
 * prediction points:
 * <ul>
 *   <li>Each window's keys and values are computed once and shared by every point that sees that window.</li>
 *   <li>RMSNorm is a per-row scale, so {@code qkv(norm(tok + pos)) = scale * (W(g*tok) + W(g*pos))}: the two
 *       projections are computed once per vocabulary word and once per position, and a window's keys and values
 *       cost a few hundred flops a token. That is what makes a sliding window (a new window per point past the
 *       context length) affordable.</li>
 *   <li>The dense layers after attention run as one matrix product over a batch of points ({@link Gemm}).</li>
 * </ul>
 * Storage is float32 and every sum is double, added in a fixed order, so a point's values never depend on which
 * batch or thread computed it.
 */
public final class AttoGpt {
    private static final double NORM_EPS = 1e-6;

    private final ModelConfig cfg;
    private final Tokenizer tokenizer;
    private final String sha256;
    private final float[] tokEmb;
    private final float[] posEmb;
    private final float[] ln1;
    private final float[] ln2;
    private final float[] lnF;
    private final float[] qkvW;
    private final double[] projT;
    private final double[] fcT;
    private final double[] mlpProjT;
    private final double[] logitsT;
    private final double scoreScale;
    /** W_qkv (g1 * tok[id]) per vocabulary id, computed on first use (every thread computes the same bits). */
    private final AtomicReferenceArray<double[]> tokenQkv;
    /** W_qkv (g1 * pos[r]) per position. */
    private final double[][] positionQkv;

    public AttoGpt(ModelBundle bundle) {
        this.cfg = bundle.config();
        this.tokenizer = bundle.tokenizer();
        this.sha256 = bundle.sha256();
        int c = cfg.width();
        this.tokEmb = bundle.tensor("tok_emb.weight");
        this.posEmb = bundle.tensor("pos_emb.weight");
        this.ln1 = bundle.tensor("block.ln1.weight");
        this.ln2 = bundle.tensor("block.ln2.weight");
        this.lnF = bundle.tensor("ln_f.weight");
        this.qkvW = bundle.tensor("block.attn.qkv.weight");
        this.projT = Gemm.transpose(bundle.tensor("block.attn.proj.weight"), c, c);
        this.fcT = Gemm.transpose(bundle.tensor("block.mlp.fc.weight"), cfg.hidden(), c);
        this.mlpProjT = Gemm.transpose(bundle.tensor("block.mlp.proj.weight"), c, cfg.hidden());
        this.logitsT = Gemm.transpose(tokEmb, cfg.vocabSize(), c);
        this.scoreScale = 1.0 / Math.sqrt(cfg.headWidth());
        this.tokenQkv = new AtomicReferenceArray<>(cfg.vocabSize());
        this.positionQkv = new double[cfg.blockSize()][];
        for (int r = 0; r < cfg.blockSize(); r++) {
            positionQkv[r] = projectQkv(posEmb, r * c);
        }
    }

    public ModelConfig config() {
        return cfg;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public String modelSha256() {
        return sha256;
    }

    /** First position the window of a point at {@code focus} sees. */
    public int contextStart(int focus) {
        return Math.max(0, focus - cfg.blockSize() + 1);
    }

    /**
     * The prediction points {@code from..to-1} of a text. Points below the context length share one window; each
     * point past it has its own.
     */
    public FocusResult[] points(int[] ids, int from, int to) {
        checkIds(ids);
        int n = to - from;
        int c = cfg.width();
        float[] x = new float[n * c];
        float[] mixed = new float[n * c];
        HeadLinks[][] links = new HeadLinks[n][];
        Window shared = null;
        for (int i = 0; i < n; i++) {
            int focus = from + i;
            int start = contextStart(focus);
            Window w;
            if (start == 0) {
                if (shared == null) {
                    shared = new Window(ids, 0, Math.min(to, cfg.blockSize()));
                }
                w = shared;
            } else {
                w = new Window(ids, start, cfg.blockSize());
            }
            int local = focus - start;
            System.arraycopy(w.x, local * c, x, i * c, c);
            links[i] = w.attend(local, mixed, i * c, null, null);
        }
        float[] logits = afterAttention(x, mixed, n, null);
        FocusResult[] out = new FocusResult[n];
        int v = cfg.vocabSize();
        for (int i = 0; i < n; i++) {
            out[i] = new FocusResult(from + i, contextStart(from + i), links[i], Arrays.copyOfRange(logits, i * v, (i + 1) * v));
        }
        return out;
    }

    /**
     * Every intermediate of one window (at most the context length), every row a query: what a capture records.
     */
    public Activations activations(int[] ids) {
        checkIds(ids);
        int t = ids.length;
        if (t > cfg.blockSize()) {
            throw new IllegalArgumentException("a capture runs one window: at most " + cfg.blockSize() + " tokens, got " + t);
        }
        int c = cfg.width();
        int h = cfg.heads();
        Window w = new Window(ids, 0, t);
        float[] mixed = new float[t * c];
        float[] dense = new float[h * t * t];
        float[] sparse = new float[h * t * t];
        for (int q = 0; q < t; q++) {
            w.attend(q, mixed, q * c, dense, sparse);
        }
        Activations a = new Activations(t, c, h, cfg.vocabSize());
        System.arraycopy(w.x, 0, a.embedding, 0, t * c);
        System.arraycopy(dense, 0, a.attentionDense, 0, dense.length);
        System.arraycopy(sparse, 0, a.attentionSparse, 0, sparse.length);
        float[] logits = afterAttention(w.x, mixed, t, a);
        System.arraycopy(logits, 0, a.logits, 0, logits.length);
        return a;
    }

    private void checkIds(int[] ids) {
        for (int id : ids) {
            if (id < 0 || id >= cfg.vocabSize()) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + cfg.vocabSize());
            }
        }
    }

    /** Attention output projection, both residual adds, the MLP, the final norm and the tied logits, for n rows. */
    private float[] afterAttention(float[] x, float[] mixed, int n, Activations record) {
        int c = cfg.width();
        int hid = cfg.hidden();
        float[] attnOut = new float[n * c];
        Gemm.multiply(mixed, 0, n, c, projT, c, attnOut);
        float[] resid = new float[n * c];
        for (int i = 0; i < resid.length; i++) {
            resid[i] = x[i] + attnOut[i];
        }
        float[] normed = new float[n * c];
        for (int r = 0; r < n; r++) {
            rmsNorm(resid, r * c, ln2, normed, r * c);
        }
        float[] hidden = new float[n * hid];
        Gemm.multiply(normed, 0, n, c, fcT, hid, hidden);
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = (float) Erf.gelu(hidden[i]);
        }
        float[] mlpOut = new float[n * c];
        Gemm.multiply(hidden, 0, n, hid, mlpProjT, c, mlpOut);
        for (int i = 0; i < resid.length; i++) {
            resid[i] = resid[i] + mlpOut[i];
        }
        float[] fin = new float[n * c];
        for (int r = 0; r < n; r++) {
            rmsNorm(resid, r * c, lnF, fin, r * c);
        }
        float[] logits = new float[n * cfg.vocabSize()];
        Gemm.multiply(fin, 0, n, c, logitsT, cfg.vocabSize(), logits);
        if (record != null) {
            System.arraycopy(attnOut, 0, record.attentionOutput, 0, attnOut.length);
            System.arraycopy(mlpOut, 0, record.mlpOutput, 0, mlpOut.length);
            System.arraycopy(resid, 0, record.residual, 0, resid.length);
            System.arraycopy(fin, 0, record.finalNorm, 0, fin.length);
        }
        return logits;
    }

    private void rmsNorm(float[] in, int at, float[] weight, float[] out, int outAt) {
        int c = cfg.width();
        double meanSq = 0;
        for (int i = 0; i < c; i++) {
            double v = in[at + i];
            meanSq += v * v;
        }
        double scale = 1 / Math.sqrt(meanSq / c + NORM_EPS);
        for (int i = 0; i < c; i++) {
            out[outAt + i] = (float) (in[at + i] * scale * weight[i]);
        }
    }

    /** W_qkv (g1 * e) for one embedding row e: the norm's weight folded in, its scale left for later. */
    private double[] projectQkv(float[] emb, int at) {
        int c = cfg.width();
        double[] g = new double[c];
        for (int i = 0; i < c; i++) {
            g[i] = (double) ln1[i] * emb[at + i];
        }
        double[] out = new double[3 * c];
        for (int j = 0; j < 3 * c; j++) {
            double s = 0;
            int w = j * c;
            for (int i = 0; i < c; i++) {
                s += qkvW[w + i] * g[i];
            }
            out[j] = s;
        }
        return out;
    }

    private double[] tokenQkv(int id) {
        double[] p = tokenQkv.get(id);
        if (p == null) {
            p = projectQkv(tokEmb, id * cfg.width());
            tokenQkv.compareAndSet(id, null, p);
        }
        return p;
    }

    /** Tokens {@code start..start+length-1} with positions renumbered from 0: their inputs, queries, keys and values. */
    private final class Window {
        final int start;
        final int length;
        final float[] x;
        final float[] q;
        final float[] k;
        final float[] v;

        Window(int[] ids, int start, int length) {
            this.start = start;
            this.length = length;
            int c = cfg.width();
            x = new float[length * c];
            q = new float[length * c];
            k = new float[length * c];
            v = new float[length * c];
            for (int r = 0; r < length; r++) {
                int id = ids[start + r];
                double meanSq = 0;
                for (int i = 0; i < c; i++) {
                    float xi = tokEmb[id * c + i] + posEmb[r * c + i];
                    x[r * c + i] = xi;
                    meanSq += (double) xi * xi;
                }
                double scale = 1 / Math.sqrt(meanSq / c + NORM_EPS);
                double[] a = tokenQkv(id);
                double[] b = positionQkv[r];
                for (int i = 0; i < c; i++) {
                    q[r * c + i] = (float) (scale * (a[i] + b[i]));
                    k[r * c + i] = (float) (scale * (a[c + i] + b[c + i]));
                    v[r * c + i] = (float) (scale * (a[2 * c + i] + b[2 * c + i]));
                }
            }
        }

        /**
         * Query row {@code query} attends to rows 0..query: per head keep the top-k scores, softmax over those alone,
         * and add the weighted values into {@code mixed}. Optionally records the dense softmax (before top-k) and the
         * sparse weights, laid out [head][query][key] with side {@code length}.
         */
        HeadLinks[] attend(int query, float[] mixed, int mixedAt, float[] dense, float[] sparse) {
            int c = cfg.width();
            int d = cfg.headWidth();
            int keep = Math.min(cfg.topkAttn(), query + 1);
            HeadLinks[] heads = new HeadLinks[cfg.heads()];
            double[] scores = new double[query + 1];
            int[] topIdx = new int[keep];
            double[] topVal = new double[keep];
            for (int h = 0; h < cfg.heads(); h++) {
                int hb = h * d;
                int qb = query * c + hb;
                for (int t = 0; t <= query; t++) {
                    int kb = t * c + hb;
                    double s = 0;
                    for (int i = 0; i < d; i++) {
                        s += (double) q[qb + i] * k[kb + i];
                    }
                    scores[t] = s * scoreScale;
                }
                int kept = TopK.select(scores, query + 1, keep, topIdx, topVal);
                double max = topVal[0];
                double denom = 0;
                for (int i = 0; i < kept; i++) {
                    topVal[i] = FdlibmExp.exp(topVal[i] - max);
                    denom += topVal[i];
                }
                int[] sources = new int[kept];
                float[] weights = new float[kept];
                for (int i = 0; i < kept; i++) {
                    int src = topIdx[i];
                    double p = topVal[i] / denom;
                    sources[i] = start + src;
                    weights[i] = (float) p;
                    int vb = src * c + hb;
                    for (int j = 0; j < d; j++) {
                        mixed[mixedAt + hb + j] = (float) (mixed[mixedAt + hb + j] + p * v[vb + j]);
                    }
                    if (sparse != null) {
                        sparse[(h * length + query) * length + src] = (float) p;
                    }
                }
                if (dense != null) {
                    recordDense(scores, query, h, dense);
                }
                heads[h] = new HeadLinks(sources, weights);
            }
            return heads;
        }

        private void recordDense(double[] scores, int query, int h, float[] dense) {
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t <= query; t++) {
                max = Math.max(max, scores[t]);
            }
            double denom = 0;
            double[] e = new double[query + 1];
            for (int t = 0; t <= query; t++) {
                e[t] = FdlibmExp.exp(scores[t] - max);
                denom += e[t];
            }
            for (int t = 0; t <= query; t++) {
                dense[(h * length + query) * length + t] = (float) (e[t] / denom);
            }
        }
    }
}
