package org.attoscope.model;

/**
 * {@code y = x W^T} for a batch of rows, all in float32: each output is the plain float dot product
 * {@code (((0 + x0 w0) + x1 w1) + x2 w2) + ...}, one rounded multiply and one rounded add per term, in input order.
 *
 * <p>The weight is held transposed, one array per input ({@code wt[k][j] = W[j][k]}), so the inner loop is an axpy
 * over output columns in which every array is indexed by the bare loop counter: that is the shape JDK 17's
 * auto-vectoriser accepts (an offset index such as {@code w[k * out + j]} silently stays scalar). Every single output
 * still sees its terms added one by one in order k = 0, 1, 2, ..., so the bits do not depend on the vector width, the
 * batch or the thread: the result equals {@link ReferenceForward}'s plain loop exactly.
 *
 * <p>Why float and not double accumulation: a float vector holds twice the lanes and a float weight half the bytes,
 * which doubles the speed of this loop (it is most of a point's time); the error of a 160- or 640-term float sum is a
 * few units in the 6th digit of a logit, well inside the published model's own float32 arithmetic and the
 * reference tolerances. Rows go in pairs so each weight load feeds two rows, four inputs per pass so each
 * accumulator load and store carries four terms; a bigger loop body (three rows, or six inputs) is past what C2
 * unrolls and vectorises, and runs at a quarter of the speed.
 */
final class Gemm {
    /** Output columns per pass: the pair's accumulators (8 KB) stay in L1, the weights' block (640 KB) in L2. */
    private static final int CHUNK = 1024;

    private Gemm() {
    }

    /** {@code W} [out][in], row-major, as one row per input. */
    static float[][] transpose(float[] w, int out, int in) {
        float[][] t = new float[in][out];
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
    static void multiply(float[] x, int n, float[][] wt, float[] y) {
        int out = wt[0].length;
        float[] a0 = new float[out];
        float[] a1 = new float[out];
        for (int j0 = 0; j0 < out; j0 += CHUNK) {
            int end = Math.min(out, j0 + CHUNK);
            int r = 0;
            for (; r + 2 <= n; r += 2) {
                rowPair(x, r, wt, j0, end, a0, a1);
                System.arraycopy(a0, j0, y, r * out + j0, end - j0);
                System.arraycopy(a1, j0, y, (r + 1) * out + j0, end - j0);
            }
            if (r < n) {
                singleRow(x, r, wt, j0, end, a0);
                System.arraycopy(a0, j0, y, r * out + j0, end - j0);
            }
        }
    }

    /**
     * Two rows, four inputs per pass over the columns: {@code (((a + x0 w0) + x1 w1) + x2 w2) + x3 w3} is the same
     * sequence of roundings as four separate passes, with a quarter of the accumulator loads and stores.
     */
    private static void rowPair(float[] x, int r, float[][] wt, int j0, int end, float[] a0, float[] a1) {
        int in = wt.length;
        int b0 = r * in;
        int b1 = b0 + in;
        for (int j = j0; j < end; j++) {
            a0[j] = 0;
            a1[j] = 0;
        }
        int k = 0;
        for (; k + 4 <= in; k += 4) {
            float p0 = x[b0 + k];
            float q0 = x[b0 + k + 1];
            float r0 = x[b0 + k + 2];
            float s0 = x[b0 + k + 3];
            float p1 = x[b1 + k];
            float q1 = x[b1 + k + 1];
            float r1 = x[b1 + k + 2];
            float s1 = x[b1 + k + 3];
            float[] w0 = wt[k];
            float[] w1 = wt[k + 1];
            float[] w2 = wt[k + 2];
            float[] w3 = wt[k + 3];
            for (int j = j0; j < end; j++) {
                float e0 = w0[j];
                float e1 = w1[j];
                float e2 = w2[j];
                float e3 = w3[j];
                a0[j] = (((a0[j] + p0 * e0) + q0 * e1) + r0 * e2) + s0 * e3;
                a1[j] = (((a1[j] + p1 * e0) + q1 * e1) + r1 * e2) + s1 * e3;
            }
        }
        for (; k < in; k++) {
            float p0 = x[b0 + k];
            float p1 = x[b1 + k];
            float[] w0 = wt[k];
            for (int j = j0; j < end; j++) {
                a0[j] += p0 * w0[j];
                a1[j] += p1 * w0[j];
            }
        }
    }

    private static void singleRow(float[] x, int r, float[][] wt, int j0, int end, float[] a0) {
        int in = wt.length;
        int b0 = r * in;
        for (int j = j0; j < end; j++) {
            a0[j] = 0;
        }
        for (int k = 0; k < in; k++) {
            float p0 = x[b0 + k];
            float[] w0 = wt[k];
            for (int j = j0; j < end; j++) {
                a0[j] += p0 * w0[j];
            }
        }
    }
}
