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
    private final double[][] projT;
    private final double[][] fcT;
    private final double[][] mlpProjT;
    private final double[][] logitsT;
    private final double scoreScale;
    /** W_qkv (g1 * tok[id]) per vocabulary id, computed on first use (every thread computes the same bits). */
    private final AtomicReferenceArray<Projection> tokenQkv;
    /** W_qkv (g1 * pos[r]) per position. */
    private final Projection[] positionQkv;

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
        this.positionQkv = new Projection[cfg.blockSize()];
        for (int r = 0; r < cfg.blockSize(); r++) {
            positionQkv[r] = project(posEmb, r * c);
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
        Window sliding = null;
        Scratch scratch = new Scratch(cfg);
        for (int i = 0; i < n; i++) {
            int focus = from + i;
            int start = contextStart(focus);
            Window w;
            if (start == 0) {
                if (shared == null) {
                    shared = new Window(Math.min(to, cfg.blockSize()));
                    shared.fill(ids, 0);
                }
                w = shared;
            } else {
                if (sliding == null) {
                    sliding = new Window(cfg.blockSize());
                }
                sliding.fill(ids, start);
                w = sliding;
            }
            int local = focus - start;
            w.input(ids, local, x, i * c);
            links[i] = w.attend(ids, local, mixed, i * c, scratch, null, null);
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
        Activations a = new Activations(t, c, cfg.heads(), cfg.vocabSize());
        Window w = new Window(t);
        w.fill(ids, 0);
        float[] mixed = new float[t * c];
        Scratch scratch = new Scratch(cfg);
        for (int q = 0; q < t; q++) {
            w.input(ids, q, a.embedding, q * c);
            w.attend(ids, q, mixed, q * c, scratch, a.attentionDense, a.attentionSparse);
        }
        float[] logits = afterAttention(a.embedding, mixed, t, a);
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
        Gemm.multiply(mixed, n, projT, attnOut);
        float[] resid = new float[n * c];
        for (int i = 0; i < resid.length; i++) {
            resid[i] = x[i] + attnOut[i];
        }
        float[] normed = new float[n * c];
        for (int r = 0; r < n; r++) {
            rmsNorm(resid, r * c, ln2, normed, r * c);
        }
        float[] hidden = new float[n * hid];
        Gemm.multiply(normed, n, fcT, hidden);
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = (float) Erf.gelu(hidden[i]);
        }
        float[] mlpOut = new float[n * c];
        Gemm.multiply(hidden, n, mlpProjT, mlpOut);
        for (int i = 0; i < resid.length; i++) {
            resid[i] = resid[i] + mlpOut[i];
        }
        float[] fin = new float[n * c];
        for (int r = 0; r < n; r++) {
            rmsNorm(resid, r * c, lnF, fin, r * c);
        }
        float[] logits = new float[n * cfg.vocabSize()];
        Gemm.multiply(fin, n, logitsT, logits);
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
        double scale = 1 / Math.sqrt(sumOfSquares(in, at, c) / c + NORM_EPS);
        for (int i = 0; i < c; i++) {
            out[outAt + i] = (float) (in[at + i] * scale * weight[i]);
        }
    }

    /**
     * Sum of squares in four interleaved lanes, combined as (l0 + l1) + (l2 + l3): a fixed order, so fixed bits, without
     * one long chain of dependent adds (RMSNorm runs once per window row, and a sliding window has 128 rows per point).
     */
    static double sumOfSquares(float[] a, int at, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            double x0 = a[at + i];
            double x1 = a[at + i + 1];
            double x2 = a[at + i + 2];
            double x3 = a[at + i + 3];
            s0 += x0 * x0;
            s1 += x1 * x1;
            s2 += x2 * x2;
            s3 += x3 * x3;
        }
        for (; i < n; i++) {
            double x = a[at + i];
            s0 += x * x;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** W_q, W_k, W_v applied to {@code g1 * e} for one embedding row e: the norm's weight folded in, its scale left for later. */
    private Projection project(float[] emb, int at) {
        int c = cfg.width();
        double[] g = new double[c];
        for (int i = 0; i < c; i++) {
            g[i] = (double) ln1[i] * emb[at + i];
        }
        double[][] out = new double[3][c];
        for (int j = 0; j < 3 * c; j++) {
            double s = 0;
            int w = j * c;
            for (int i = 0; i < c; i++) {
                s += qkvW[w + i] * g[i];
            }
            out[j / c][j % c] = s;
        }
        return new Projection(out[0], out[1], out[2]);
    }

    private Projection tokenProjection(int id) {
        Projection p = tokenQkv.get(id);
        if (p == null) {
            p = project(tokEmb, id * cfg.width());
            tokenQkv.compareAndSet(id, null, p);
        }
        return p;
    }

    /** The unscaled query, key and value of one embedding row (separate arrays so the loops that use them vectorise). */
    private record Projection(double[] q, double[] k, double[] v) {
    }

    /** Buffers one thread reuses across the points of a batch. */
    private static final class Scratch {
        final double[] scores;
        final double[] query;
        final int[] topIdx;
        final double[] topVal;

        Scratch(ModelConfig cfg) {
            scores = new double[cfg.blockSize()];
            query = new double[cfg.width()];
            topIdx = new int[cfg.topkAttn()];
            topVal = new double[cfg.topkAttn()];
        }
    }

    /**
     * Up to {@code capacity} tokens from {@code start} with positions renumbered from 0: their norm scales, keys and
     * values. A sliding window is refilled in place for each point. Values are made on first use: a sliding window's
     * single query reads only its top-k rows.
     */
    private final class Window {
        final int capacity;
        final float[][] k;
        final float[][] v;
        final boolean[] hasValue;
        final double[] scale;
        final float[] row;
        int[] ids;
        int start;

        Window(int capacity) {
            this.capacity = capacity;
            int c = cfg.width();
            k = new float[capacity][c];
            v = new float[capacity][c];
            hasValue = new boolean[capacity];
            scale = new double[capacity];
            row = new float[c];
        }

        void fill(int[] ids, int start) {
            this.ids = ids;
            this.start = start;
            int c = cfg.width();
            int length = Math.min(capacity, ids.length - start);
            Arrays.fill(hasValue, false);
            for (int r = 0; r < length; r++) {
                int id = ids[start + r];
                for (int i = 0; i < c; i++) {
                    row[i] = tokEmb[id * c + i] + posEmb[r * c + i];
                }
                double sc = 1 / Math.sqrt(sumOfSquares(row, 0, c) / c + NORM_EPS);
                scale[r] = sc;
                scaledSum(sc, tokenProjection(id).k(), positionQkv[r].k(), k[r]);
            }
        }

        private float[] value(int r) {
            if (!hasValue[r]) {
                scaledSum(scale[r], tokenProjection(ids[start + r]).v(), positionQkv[r].v(), v[r]);
                hasValue[r] = true;
            }
            return v[r];
        }

        private static void scaledSum(double scale, double[] a, double[] b, float[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (scale * (a[i] + b[i]));
            }
        }

        /** The residual stream entering the block at row {@code local}: tok + pos, in float32. */
        void input(int[] ids, int local, float[] out, int at) {
            int c = cfg.width();
            int tb = ids[start + local] * c;
            int pb = local * c;
            for (int i = 0; i < c; i++) {
                out[at + i] = tokEmb[tb + i] + posEmb[pb + i];
            }
        }

        /**
         * Query row {@code query} attends to rows 0..query: per head keep the top-k scores, softmax over those alone,
         * and add the weighted values into {@code mixed}. Optionally records the dense softmax (before top-k) and the
         * sparse weights, laid out [head][query][key] with side {@code capacity}.
         */
        HeadLinks[] attend(int[] ids, int query, float[] mixed, int mixedAt, Scratch s, float[] dense, float[] sparse) {
            int c = cfg.width();
            int d = cfg.headWidth();
            Projection a = tokenProjection(ids[start + query]);
            Projection b = positionQkv[query];
            double sc = scale[query];
            double[] q = s.query;
            for (int i = 0; i < c; i++) {
                q[i] = (float) (sc * (a.q()[i] + b.q()[i]));
            }
            int keep = Math.min(cfg.topkAttn(), query + 1);
            HeadLinks[] heads = new HeadLinks[cfg.heads()];
            double[] scores = s.scores;
            for (int h = 0; h < cfg.heads(); h++) {
                int hb = h * d;
                scoreKeys(q, hb, query + 1, scores);
                int kept = TopK.select(scores, query + 1, keep, s.topIdx, s.topVal);
                double[] topVal = s.topVal;
                int[] topIdx = s.topIdx;
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
                    float[] value = value(src);
                    for (int j = 0; j < d; j++) {
                        mixed[mixedAt + hb + j] = (float) (mixed[mixedAt + hb + j] + p * value[hb + j]);
                    }
                    if (sparse != null) {
                        sparse[(h * capacity + query) * capacity + src] = (float) p;
                    }
                }
                if (dense != null) {
                    recordDense(scores, query, h, dense);
                }
                heads[h] = new HeadLinks(sources, weights);
            }
            return heads;
        }

        /**
         * scores[t] = q_h . k_h[t] / sqrt(d) for t below {@code n}. Four keys at a time so the four sums run side by
         * side instead of waiting on each other; each sum still adds its terms in order.
         */
        private void scoreKeys(double[] q, int hb, int n, double[] scores) {
            int d = cfg.headWidth();
            int t = 0;
            for (; t + 4 <= n; t += 4) {
                float[] k0 = k[t];
                float[] k1 = k[t + 1];
                float[] k2 = k[t + 2];
                float[] k3 = k[t + 3];
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int i = hb; i < hb + d; i++) {
                    double qi = q[i];
                    s0 += qi * k0[i];
                    s1 += qi * k1[i];
                    s2 += qi * k2[i];
                    s3 += qi * k3[i];
                }
                scores[t] = s0 * scoreScale;
                scores[t + 1] = s1 * scoreScale;
                scores[t + 2] = s2 * scoreScale;
                scores[t + 3] = s3 * scoreScale;
            }
            for (; t < n; t++) {
                float[] kt = k[t];
                double s0 = 0;
                for (int i = hb; i < hb + d; i++) {
                    s0 += q[i] * kt[i];
                }
                scores[t] = s0 * scoreScale;
            }
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
                dense[(h * capacity + query) * capacity + t] = (float) (e[t] / denom);
            }
        }
    }
}
