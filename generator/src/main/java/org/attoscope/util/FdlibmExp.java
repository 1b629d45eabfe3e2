package org.attoscope.util;

/**
 * {@code exp} with the same bits as {@link StrictMath#exp}, in plain Java so the JIT can inline it.
 *
 * <p>Every prediction point needs one exponential per vocabulary word (4,096) for its normaliser; on JDK 17
 * {@code StrictMath.exp} is a native call and was the single largest cost of a point. This is fdlibm's
 * {@code e_exp.c} algorithm (argument reduction by ln 2, a degree-5 rational remez fit), which is what
 * StrictMath specifies, so the results are bit-identical on every platform (checked against StrictMath in the tests).
 */
public final class FdlibmExp {
    private FdlibmExp() {
    }

    private static final double HUGE = 1.0e+300;
    private static final double TWOM1000 = 9.33263618503218878990e-302;
    private static final double O_THRESHOLD = 7.09782712893383973096e+02;
    private static final double U_THRESHOLD = -7.45133219101941108420e+02;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.44269504088896338700e+00;
    private static final double P1 = 1.66666666666666019037e-01;
    private static final double P2 = -2.77777777770155933842e-03;
    private static final double P3 = 6.61375632143793436117e-05;
    private static final double P4 = -1.65339022054652515390e-06;
    private static final double P5 = 4.13813679705723846039e-08;

    /**
     * Below this (negative) argument fdlibm takes its general path: reduce by k ln 2 with k = (int) (x / ln 2 - 0.5),
     * the largest |x| whose high word is under {@code 0x3FF0A2B2} being the exception it treats separately.
     */
    private static final double GENERAL_BELOW = -Double.longBitsToDouble(0x3FF0A2B2_00000000L);
    /** Above this the result of the general path is a normal number, so scaling by 2^k is exact. */
    private static final double NORMAL_ABOVE = -708;

    /**
     * {@code out[i] = exp(x[i])} for {@code i < n}, bit for bit {@link #exp}, for arguments that are mostly well below
     * zero (a softmax's {@code logit - max}): {@link #reduce} then {@link #finish} for each. {@code k} is scratch of
     * length n.
     */
    public static void expAll(double[] x, double[] out, double[] k, int n) {
        reduce(x, out, k, n);
        for (int i = 0; i < n; i++) {
            out[i] = finish(x[i], out[i], k[i]);
        }
    }

    /**
     * The vectorisable part of {@link #expAll}: for every argument, fdlibm's general path up to the final scaling,
     * {@code exp(x) = y * 2^k} with y written to {@code y} and k (a whole number) to {@code k}.
     *
     * <p>The general path of fdlibm for a normal negative result is straight-line arithmetic once k is known, so it runs
     * as one loop the JIT vectorises (k by {@code Math.ceil}, which equals the int cast for negative values). The values
     * are only right for arguments on that path; {@link #finish} knows which ones are.
     */
    public static void reduce(double[] x, double[] y, double[] k, int n) {
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            double t = Math.ceil(INV_LN2 * xi - 0.5);
            double hi = xi - t * LN2_HI;
            double lo = t * LN2_LO;
            double r = hi - lo;
            double rr = r * r;
            double c = r - rr * (P1 + rr * (P2 + rr * (P3 + rr * (P4 + rr * P5))));
            y[i] = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
            k[i] = t;
        }
    }

    /**
     * {@code exp(x)} from {@link #reduce}'s {@code y} and {@code k} for x: the mantissa part and k combined exactly as
     * {@link #exp} adds k to the exponent bits. Arguments off the general path (near zero, huge, infinite, NaN) take
     * {@link #exp} itself. Kept separate from {@link #reduce} so a caller can fold it into the loop that uses the
     * values (the bit operations do not vectorise, but they overlap with a chain of dependent adds).
     */
    public static double finish(double x, double y, double k) {
        if (x <= GENERAL_BELOW && x >= NORMAL_ABOVE) {
            return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) (int) k << 52));
        }
        return exp(x);
    }

    public static double exp(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >>> 32);
        int xsb = (hx >>> 31) & 1;
        hx &= 0x7fffffff;
        double hi = 0;
        double lo = 0;
        int k = 0;

        if (hx >= 0x40862E42) {
            if (hx >= 0x7ff00000) {
                if (((hx & 0xfffff) | (int) bits) != 0) {
                    return x + x;
                }
                return xsb == 0 ? x : 0.0;
            }
            if (x > O_THRESHOLD) {
                return HUGE * HUGE;
            }
            if (x < U_THRESHOLD) {
                return TWOM1000 * TWOM1000;
            }
        }

        if (hx > 0x3fd62e42) {
            if (hx < 0x3FF0A2B2) {
                hi = xsb == 0 ? x - LN2_HI : x + LN2_HI;
                lo = xsb == 0 ? LN2_LO : -LN2_LO;
                k = 1 - xsb - xsb;
            } else {
                k = (int) (INV_LN2 * x + (xsb == 0 ? 0.5 : -0.5));
                double t = k;
                hi = x - t * LN2_HI;
                lo = t * LN2_LO;
            }
            x = hi - lo;
        } else if (hx < 0x3e300000) {
            if (HUGE + x > 1.0) {
                return 1.0 + x;
            }
        } else {
            k = 0;
        }

        double t = x * x;
        double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        if (k == 0) {
            return 1.0 - ((x * c) / (c - 2.0) - x);
        }
        double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
        if (k >= -1021) {
            return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) k << 52));
        }
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) (k + 1000) << 52)) * TWOM1000;
    }
}
