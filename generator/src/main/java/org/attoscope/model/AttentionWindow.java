package org.attoscope.model;

import java.util.Arrays;
import org.attoscope.util.FdlibmExp;

/**
 * Up to {@code capacity} tokens from {@code start}, positions renumbered from 0, and their keys and values: what a
 * query at one of those positions attends over.
 *
 * <p>The first window of a text is filled once and shared by its first 128 points; a sliding window is refilled in
 * place for each later point. Values are made on first use, since a query reads only its top-k rows.
 */
final class AttentionWindow {
    private final ModelConfig cfg;
    private final QkvTable qkv;
    private final int capacity;
    private final double scoreScale;
    private final float[][] k;
    private final float[][] v;
    private final boolean[] hasValue;
    private final double[] scale;
    private final float[] row;
    private final double[] query;
    private final double[] scores;
    private final int[] topIdx;
    private final double[] topVal;
    private int[] ids;
    private int start;

    AttentionWindow(ModelConfig cfg, QkvTable qkv, int capacity) {
        this.cfg = cfg;
        this.qkv = qkv;
        this.capacity = capacity;
        this.scoreScale = 1.0 / Math.sqrt(cfg.headWidth());
        int c = cfg.width();
        k = new float[capacity][c];
        v = new float[capacity][c];
        hasValue = new boolean[capacity];
        scale = new double[capacity];
        row = new float[c];
        query = new double[c];
        scores = new double[capacity];
        topIdx = new int[cfg.topkAttn()];
        topVal = new double[cfg.topkAttn()];
    }

    /** Loads the tokens {@code ids[start..]} (as many as fit) and computes their keys. */
    void fill(int[] ids, int start) {
        this.ids = ids;
        this.start = start;
        int c = cfg.width();
        int length = Math.min(capacity, ids.length - start);
        Arrays.fill(hasValue, false);
        for (int r = 0; r < length; r++) {
            int id = ids[start + r];
            qkv.input(id, r, row, 0);
            scale[r] = RmsNorm.scale(row, 0, c);
            scaledSum(scale[r], qkv.token(id).k(), qkv.position(r).k(), k[r]);
        }
    }

    /** The residual stream entering the block at window row {@code local}. */
    void input(int local, float[] out, int at) {
        qkv.input(ids[start + local], local, out, at);
    }

    /**
     * Row {@code local} attends to rows 0..local: per head keep the top-k scores, softmax over those alone, and add
     * the weighted values into {@code mixed}. Optionally records the dense softmax (before top-k) and the sparse
     * weights, laid out [head][query][key] with side {@code capacity}.
     */
    HeadLinks[] attend(int local, float[] mixed, int mixedAt, float[] dense, float[] sparse) {
        int c = cfg.width();
        int d = cfg.headWidth();
        QkvTable.Projection a = qkv.token(ids[start + local]);
        QkvTable.Projection b = qkv.position(local);
        for (int i = 0; i < c; i++) {
            query[i] = (float) (scale[local] * (a.q()[i] + b.q()[i]));
        }
        int keep = Math.min(cfg.topkAttn(), local + 1);
        HeadLinks[] heads = new HeadLinks[cfg.heads()];
        for (int h = 0; h < cfg.heads(); h++) {
            int hb = h * d;
            scoreKeys(hb, local + 1);
            int kept = TopK.select(scores, local + 1, keep, topIdx, topVal);
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
                    sparse[(h * capacity + local) * capacity + src] = (float) p;
                }
            }
            if (dense != null) {
                recordDense(local, h, dense);
            }
            heads[h] = new HeadLinks(sources, weights);
        }
        return heads;
    }

    private float[] value(int r) {
        if (!hasValue[r]) {
            scaledSum(scale[r], qkv.token(ids[start + r]).v(), qkv.position(r).v(), v[r]);
            hasValue[r] = true;
        }
        return v[r];
    }

    private static void scaledSum(double scale, double[] a, double[] b, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (scale * (a[i] + b[i]));
        }
    }

    /**
     * scores[t] = q_h . k_h[t] / sqrt(d) for t below {@code n}. Four keys at a time so the four sums run side by side
     * instead of waiting on each other; each sum still adds its terms in order.
     */
    private void scoreKeys(int hb, int n) {
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
                double qi = query[i];
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
                s0 += query[i] * kt[i];
            }
            scores[t] = s0 * scoreScale;
        }
    }

    /** The softmax over every causal score of row {@code local}, before the top-k: what a dense model would use. */
    private void recordDense(int local, int h, float[] dense) {
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t <= local; t++) {
            max = Math.max(max, scores[t]);
        }
        double denom = 0;
        double[] e = new double[local + 1];
        for (int t = 0; t <= local; t++) {
            e[t] = FdlibmExp.exp(scores[t] - max);
            denom += e[t];
        }
        for (int t = 0; t <= local; t++) {
            dense[(h * capacity + local) * capacity + t] = (float) (e[t] / denom);
        }
    }
}
