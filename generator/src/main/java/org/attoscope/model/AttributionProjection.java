package org.attoscope.model;

/**
 * What one unit of each residual dimension, and of each head's value dimensions, adds to a token's logit at one point
 * (FORMATS.md section 3.1): the final norm and the tied embedding row folded into one vector {@code u}, then pulled
 * back through the attention output projection, one head at a time.
 *
 * <p>The output projection is held as one slice per head and residual dimension, widened to double (exactly), so the
 * pull-back is a run of all-double axpys over a head's value dimensions indexed by the bare loop counter, which the
 * JIT vectorises (a loop mixing float and double arrays it does not). Every entry of {@code z} still sums its terms
 * over the residual dimensions in order, in double, so the bits are those of the plain loop.
 */
final class AttributionProjection {
    private final ModelConfig cfg;
    private final float[] tokEmb;
    private final float[] lnF;
    /** {@code heads[h][i]} = {@code W_o[i, h*d .. (h+1)*d)}: residual dimension i's row of head h's columns. */
    private final double[][][] heads;

    AttributionProjection(ModelConfig cfg, float[] tokEmb, float[] lnF, float[] proj) {
        this.cfg = cfg;
        this.tokEmb = tokEmb;
        this.lnF = lnF;
        int c = cfg.width();
        int d = cfg.headWidth();
        this.heads = new double[cfg.heads()][c][d];
        for (int h = 0; h < cfg.heads(); h++) {
            for (int i = 0; i < c; i++) {
                for (int j = 0; j < d; j++) {
                    heads[h][i][j] = proj[i * c + h * d + j];
                }
            }
        }
    }

    /** {@code u = g_f * E_t / finalRms}: a residual's dot product with it is that residual's share of t's logit. */
    double[] logitDirection(int t, double finalRms) {
        int c = cfg.width();
        double[] u = new double[c];
        for (int i = 0; i < c; i++) {
            u[i] = (double) lnF[i] * tokEmb[t * c + i] / finalRms;
        }
        return u;
    }

    /** {@code z = W_o[:, head h]^T u}: what one unit of each of head h's value dimensions adds to the logit. */
    double[] throughHead(double[] u, int h) {
        int d = cfg.headWidth();
        double[][] rows = heads[h];
        double[] z = new double[d];
        for (int i = 0; i < u.length; i++) {
            double ui = u[i];
            double[] row = rows[i];
            for (int j = 0; j < d; j++) {
                z[j] += ui * row[j];
            }
        }
        return z;
    }
}
