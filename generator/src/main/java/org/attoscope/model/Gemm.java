package org.attoscope.model;

/**
 * {@code y = x W^T} for a batch of rows: float32 in and out, double accumulation, each output summed in input order.
 *
 * <p>The weight is held transposed, one array per input ({@code wt[k][j] = W[j][k]}), so the inner loop is an axpy
 * over output columns in which every array is indexed by the bare loop counter: that is the shape JDK 17's
 * auto-vectoriser accepts (an offset index such as {@code w[k * out + j]} silently stays scalar, at half the speed).
 * Every single output still sees its terms added one by one in order k = 0, 1, 2, ..., so the bits do not depend
 * on the vector width, the batch or the thread: the result equals the plain dot-product loop exactly. Rows go in
 * pairs so each weight load feeds two rows, and columns go in chunks whose accumulators stay in L1.
 */
final class Gemm {
    private static final int CHUNK = 512;

    private Gemm() {
    }

    /** {@code W} [out][in], row-major, as one double row per input. */
    static double[][] transpose(float[] w, int out, int in) {
        double[][] t = new double[in][out];
        for (int j = 0; j < out; j++) {
            for (int k = 0; k < in; k++) {
                t[k][j] = w[j * in + k];
            }
        }
        return t;
    }

    /**
     * @param x   n rows of {@code in} values, row-major
     * @param wt  the transposed weight, {@code in} rows of {@code out}
     * @param y   n rows of {@code out} values, written
     */
    static void multiply(float[] x, int n, double[][] wt, float[] y) {
        int out = wt[0].length;
        double[] a0 = new double[out];
        double[] a1 = new double[out];
        for (int j0 = 0; j0 < out; j0 += CHUNK) {
            int end = Math.min(out, j0 + CHUNK);
            int r = 0;
            for (; r + 2 <= n; r += 2) {
                rowPair(x, r, wt, j0, end, a0, a1);
                store(a0, j0, end, y, r * out);
                store(a1, j0, end, y, (r + 1) * out);
            }
            if (r < n) {
                singleRow(x, r, wt, j0, end, a0);
                store(a0, j0, end, y, r * out);
            }
        }
    }

    /**
     * Two rows, four inputs per pass over the columns: {@code (((a + x0 w0) + x1 w1) + x2 w2) + x3 w3} is the same
     * sequence of roundings as four separate passes, with a quarter of the accumulator loads and stores, which are
     * what bounds this loop.
     */
    private static void rowPair(float[] x, int r, double[][] wt, int j0, int end, double[] a0, double[] a1) {
        int in = wt.length;
        int b0 = r * in;
        int b1 = b0 + in;
        for (int j = j0; j < end; j++) {
            a0[j] = 0;
            a1[j] = 0;
        }
        int k = 0;
        for (; k + 4 <= in; k += 4) {
            double p0 = x[b0 + k];
            double q0 = x[b0 + k + 1];
            double r0 = x[b0 + k + 2];
            double s0 = x[b0 + k + 3];
            double p1 = x[b1 + k];
            double q1 = x[b1 + k + 1];
            double r1 = x[b1 + k + 2];
            double s1 = x[b1 + k + 3];
            double[] w0 = wt[k];
            double[] w1 = wt[k + 1];
            double[] w2 = wt[k + 2];
            double[] w3 = wt[k + 3];
            for (int j = j0; j < end; j++) {
                double e0 = w0[j];
                double e1 = w1[j];
                double e2 = w2[j];
                double e3 = w3[j];
                a0[j] = (((a0[j] + p0 * e0) + q0 * e1) + r0 * e2) + s0 * e3;
                a1[j] = (((a1[j] + p1 * e0) + q1 * e1) + r1 * e2) + s1 * e3;
            }
        }
        for (; k < in; k++) {
            double p0 = x[b0 + k];
            double p1 = x[b1 + k];
            double[] w0 = wt[k];
            for (int j = j0; j < end; j++) {
                a0[j] += p0 * w0[j];
                a1[j] += p1 * w0[j];
            }
        }
    }

    private static void singleRow(float[] x, int r, double[][] wt, int j0, int end, double[] a0) {
        int in = wt.length;
        int b0 = r * in;
        for (int j = j0; j < end; j++) {
            a0[j] = 0;
        }
        for (int k = 0; k < in; k++) {
            double p0 = x[b0 + k];
            double[] w0 = wt[k];
            for (int j = j0; j < end; j++) {
                a0[j] += p0 * w0[j];
            }
        }
    }

    private static void store(double[] acc, int from, int to, float[] y, int rowAt) {
        for (int j = from; j < to; j++) {
            y[rowAt + j] = (float) acc[j];
        }
    }
}
