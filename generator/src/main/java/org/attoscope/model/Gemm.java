package org.attoscope.model;

/**
 * {@code y = x W^T} for a batch of rows: float32 in and out, double accumulation, each output summed in input order.
 *
 * <p>The weight is stored transposed ({@code wt[k * out + j] = W[j][k]}) so the inner loop is an axpy over output
 * columns, which HotSpot vectorises, while every single output still sees its terms added one by one in order
 * k = 0, 1, 2, ... That order, not the vector width or the thread count, fixes the bits: the result equals the
 * plain dot-product loop exactly. Rows go four at a time so each weight load feeds four rows, and columns go in
 * chunks whose slice of the weight stays in cache across all rows.
 */
final class Gemm {
    private static final int CHUNK = 256;

    private Gemm() {
    }

    static double[] transpose(float[] w, int out, int in) {
        double[] t = new double[out * in];
        for (int j = 0; j < out; j++) {
            for (int k = 0; k < in; k++) {
                t[k * out + j] = w[j * in + k];
            }
        }
        return t;
    }

    /**
     * @param x   rows x in, row-major, starting at row {@code from}
     * @param wt  in x out, the transposed weight
     * @param y   rows x out, row-major, written for rows {@code from..to-1}
     */
    static void multiply(float[] x, int from, int to, int in, double[] wt, int out, float[] y) {
        double[] a0 = new double[CHUNK];
        double[] a1 = new double[CHUNK];
        double[] a2 = new double[CHUNK];
        double[] a3 = new double[CHUNK];
        for (int j0 = 0; j0 < out; j0 += CHUNK) {
            int n = Math.min(CHUNK, out - j0);
            int r = from;
            for (; r + 4 <= to; r += 4) {
                java.util.Arrays.fill(a0, 0, n, 0);
                java.util.Arrays.fill(a1, 0, n, 0);
                java.util.Arrays.fill(a2, 0, n, 0);
                java.util.Arrays.fill(a3, 0, n, 0);
                int x0 = r * in;
                for (int k = 0; k < in; k++) {
                    double v0 = x[x0 + k];
                    double v1 = x[x0 + in + k];
                    double v2 = x[x0 + 2 * in + k];
                    double v3 = x[x0 + 3 * in + k];
                    int w = k * out + j0;
                    for (int j = 0; j < n; j++) {
                        double wv = wt[w + j];
                        a0[j] += v0 * wv;
                        a1[j] += v1 * wv;
                        a2[j] += v2 * wv;
                        a3[j] += v3 * wv;
                    }
                }
                store(a0, n, y, r * out + j0);
                store(a1, n, y, (r + 1) * out + j0);
                store(a2, n, y, (r + 2) * out + j0);
                store(a3, n, y, (r + 3) * out + j0);
            }
            for (; r < to; r++) {
                java.util.Arrays.fill(a0, 0, n, 0);
                int x0 = r * in;
                for (int k = 0; k < in; k++) {
                    double v0 = x[x0 + k];
                    int w = k * out + j0;
                    for (int j = 0; j < n; j++) {
                        a0[j] += v0 * wt[w + j];
                    }
                }
                store(a0, n, y, r * out + j0);
            }
        }
    }

    private static void store(double[] acc, int n, float[] y, int at) {
        for (int j = 0; j < n; j++) {
            y[at + j] = (float) acc[j];
        }
    }
}
