package org.attoscope.model;

/** RMSNorm with weight, {@code x * w / sqrt(mean(x^2) + eps)}, in float32 with double sums. */
final class RmsNorm {
    static final double EPS = 1e-6;

    private RmsNorm() {
    }

    /** 1 / rms of {@code n} values from {@code at}. */
    static double scale(float[] a, int at, int n) {
        return 1 / Math.sqrt(sumOfSquares(a, at, n) / n + EPS);
    }

    static void apply(float[] in, int at, float[] weight, float[] out, int outAt) {
        int n = weight.length;
        double scale = scale(in, at, n);
        for (int i = 0; i < n; i++) {
            out[outAt + i] = (float) (in[at + i] * scale * weight[i]);
        }
    }

    /**
     * Sum of squares in four interleaved lanes, combined as (l0 + l1) + (l2 + l3): a fixed order, so fixed bits, without
     * one long chain of dependent adds (the norm runs once per window row, and a sliding window has 128 rows a point).
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
}
