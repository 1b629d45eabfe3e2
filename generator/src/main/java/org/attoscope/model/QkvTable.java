package org.attoscope.model;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Queries, keys and values without the per-row matrix product.
 *
 * <p>The block's first RMSNorm multiplies a row by one scale s and the weight g, so
 * {@code W_qkv (g * s * (tok + pos)) = s * (W_qkv (g * tok) + W_qkv (g * pos))}. The two products in brackets depend
 * only on the word and only on the position: they are computed once per vocabulary word (on first use) and once per
 * position, and a window row then costs its norm scale and an add, a few hundred flops instead of 77,000.
 */
final class QkvTable {
    /** The unscaled query, key and value of one embedding row (separate arrays so the loops that use them vectorise). */
    record Projection(double[] q, double[] k, double[] v) {
    }

    private final ModelConfig cfg;
    private final float[] tokEmb;
    private final float[] posEmb;
    private final float[] ln1;
    private final float[] qkvW;
    /** Filled on first use; every thread computes the same bits, so a lost race is harmless. */
    private final AtomicReferenceArray<Projection> tokens;
    private final Projection[] positions;

    QkvTable(ModelConfig cfg, float[] tokEmb, float[] posEmb, float[] ln1, float[] qkvW) {
        this.cfg = cfg;
        this.tokEmb = tokEmb;
        this.posEmb = posEmb;
        this.ln1 = ln1;
        this.qkvW = qkvW;
        this.tokens = new AtomicReferenceArray<>(cfg.vocabSize());
        this.positions = new Projection[cfg.blockSize()];
        for (int r = 0; r < cfg.blockSize(); r++) {
            positions[r] = project(posEmb, r * cfg.width());
        }
    }

    Projection token(int id) {
        Projection p = tokens.get(id);
        if (p == null) {
            p = project(tokEmb, id * cfg.width());
            tokens.compareAndSet(id, null, p);
        }
        return p;
    }

    Projection position(int r) {
        return positions[r];
    }

    /** The residual stream entering the block for word {@code id} at window position {@code r}: tok + pos, float32. */
    void input(int id, int r, float[] out, int at) {
        int c = cfg.width();
        for (int i = 0; i < c; i++) {
            out[at + i] = tokEmb[id * c + i] + posEmb[r * c + i];
        }
    }

    private Projection project(float[] emb, int at) {
        int c = cfg.width();
        double[] g = new double[c];
        for (int i = 0; i < c; i++) {
            g[i] = (double) ln1[i] * emb[at + i];
        }
        double[][] out = new double[3][c];
        for (int j = 0; j < 3 * c; j++) {
            double s = 0;
            for (int i = 0; i < c; i++) {
                s += qkvW[j * c + i] * g[i];
            }
            out[j / c][j % c] = s;
        }
        return new Projection(out[0], out[1], out[2]);
    }
}
