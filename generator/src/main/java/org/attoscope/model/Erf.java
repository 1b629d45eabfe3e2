package org.attoscope.model;

import java.util.Arrays;
import org.attoscope.util.FdlibmExp;

/**
 * The error function to within one ulp of a double, with bits that are the same on every JVM.
 *
 * <p>The published browser model uses the 7-digit Abramowitz-Stegun approximation; attoscope uses the exact erf GELU the
 * network was trained with (PyTorch's {@code F.gelu}). The rational approximations and their coefficients are those of
 * Sun's fdlibm {@code s_erf.c} (as kept in FreeBSD msun); {@link FdlibmExp} (StrictMath's exp, bit for bit) keeps the result identical across
 * platforms, which the hash-locked captures depend on.
 */
public final class Erf {
    private Erf() {
    }

    private static final double ERX = 8.45062911510467529297e-01;
    private static final double EFX8 = 1.02703333676410069053e+00;
    private static final double PP0 = 1.28379167095512558561e-01;
    private static final double PP1 = -3.25042107247001499370e-01;
    private static final double PP2 = -2.84817495755985104766e-02;
    private static final double PP3 = -5.77027029648944159157e-03;
    private static final double PP4 = -2.37630166566501626084e-05;
    private static final double QQ1 = 3.97917223959155352819e-01;
    private static final double QQ2 = 6.50222499887672944485e-02;
    private static final double QQ3 = 5.08130628187576562776e-03;
    private static final double QQ4 = 1.32494738004321644526e-04;
    private static final double QQ5 = -3.96022827877536812320e-06;
    private static final double PA0 = -2.36211856075265944077e-03;
    private static final double PA1 = 4.14856118683748331666e-01;
    private static final double PA2 = -3.72207876035701323847e-01;
    private static final double PA3 = 3.18346619901161753674e-01;
    private static final double PA4 = -1.10894694282396677476e-01;
    private static final double PA5 = 3.54783043256182359371e-02;
    private static final double PA6 = -2.16637559486879084300e-03;
    private static final double QA1 = 1.06420880400844228286e-01;
    private static final double QA2 = 5.40397917702171048937e-01;
    private static final double QA3 = 7.18286544141962662868e-02;
    private static final double QA4 = 1.26171219808761642112e-01;
    private static final double QA5 = 1.36370839120290507362e-02;
    private static final double QA6 = 1.19844998467991074170e-02;
    private static final double RA0 = -9.86494403484714822705e-03;
    private static final double RA1 = -6.93858572707181764372e-01;
    private static final double RA2 = -1.05586262253232909814e+01;
    private static final double RA3 = -6.23753324503260060396e+01;
    private static final double RA4 = -1.62396669462573470355e+02;
    private static final double RA5 = -1.84605092906711035994e+02;
    private static final double RA6 = -8.12874355063065934246e+01;
    private static final double RA7 = -9.81432934416914548592e+00;
    private static final double SA1 = 1.96512716674392571292e+01;
    private static final double SA2 = 1.37657754143519042600e+02;
    private static final double SA3 = 4.34565877475229228821e+02;
    private static final double SA4 = 6.45387271733267880336e+02;
    private static final double SA5 = 4.29008140027567833386e+02;
    private static final double SA6 = 1.08635005541779435134e+02;
    private static final double SA7 = 6.57024977031928170135e+00;
    private static final double SA8 = -6.04244152148580987438e-02;
    private static final double RB0 = -9.86494292470009928597e-03;
    private static final double RB1 = -7.99283237680523006574e-01;
    private static final double RB2 = -1.77579549177547519889e+01;
    private static final double RB3 = -1.60636384855821916062e+02;
    private static final double RB4 = -6.37566443368389627722e+02;
    private static final double RB5 = -1.02509513161107724954e+03;
    private static final double RB6 = -4.83519191608651397019e+02;
    private static final double SB1 = 3.03380607434824582924e+01;
    private static final double SB2 = 3.25792512996573918826e+02;
    private static final double SB3 = 1.53672958608443695994e+03;
    private static final double SB4 = 3.19985821950859553908e+03;
    private static final double SB5 = 2.55305040643316442583e+03;
    private static final double SB6 = 4.74528541206955367215e+02;
    private static final double SB7 = -2.24409524465858183362e+01;

    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax < 0.84375) {
            if (ax < 0x1p-28) {
                return (8 * x + EFX8 * x) / 8;
            }
            double z = x * x;
            double r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
            double s = 1 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
            return x + x * (r / s);
        }
        double y;
        if (ax < 1.25) {
            double s = ax - 1;
            double p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
            double q = 1 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
            y = ERX + p / q;
        } else if (ax < 6) {
            double s = 1 / (ax * ax);
            double r;
            double q;
            if (ax < 1 / 0.35) {
                r = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
                q = 1 + s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
            } else {
                r = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
                q = 1 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
            }
            // z is ax with the low 32 bits cleared, so z*z is exact and exp(-z*z) loses nothing.
            double z = Double.longBitsToDouble(Double.doubleToRawLongBits(ax) & 0xffffffff00000000L);
            double erfc = FdlibmExp.exp(-z * z - 0.5625) * FdlibmExp.exp((z - ax) * (z + ax) + r / q) / ax;
            y = 1 - erfc;
        } else {
            y = 1 - 0x1p-1022;
        }
        return x < 0 ? -y : y;
    }

    /** GELU with the exact error function: {@code x * Phi(x)}. */
    public static double gelu(double x) {
        return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
    }

    /** Arguments the batched GELU takes in one block; its scratch is sized for this. */
    private static final int BLOCK = 1024;
    private static final int SMALL = 0;
    private static final int NEAR_ONE = 1;
    private static final int TAIL = 2;
    private static final int FAR_TAIL = 3;
    private static final int OTHER = 4;

    /**
     * {@code a[i] = (float) gelu(a[i])} for {@code i < n}, each value with exactly the bits of {@link #gelu}.
     *
     * <p>An MLP row has 640 GELUs, and {@link #erf} picks one of five formulas by the argument's size, a branch the
     * processor mispredicts about every other call. Here a block of arguments is first sorted into those five ranges
     * (by index, without a branch), and each range's formula then runs over its own arguments as one straight loop
     * the JIT vectorises; the exps of the tails go through {@link FdlibmExp#expAll}. The operations on each value are
     * those of {@link #erf}, in its order, so nothing but the speed changes.
     */
    public static void geluAll(float[] a, int n) {
        double[] u = new double[BLOCK];
        int[][] idx = new int[5][BLOCK];
        int[] count = new int[5];
        Scratch t = new Scratch();
        double[] v = t.v;
        double[] w = t.w;
        double[] y = new double[BLOCK];
        for (int b = 0; b < n; b += BLOCK) {
            int m = Math.min(BLOCK, n - b);
            Arrays.fill(count, 0);
            for (int i = 0; i < m; i++) {
                double x = a[b + i] / SQRT2;
                u[i] = x;
                int r = range(Math.abs(x));
                idx[r][count[r]++] = i;
            }
            small(u, idx[SMALL], count[SMALL], v, w, y);
            nearOne(u, idx[NEAR_ONE], count[NEAR_ONE], v, w, y);
            tail(u, idx[TAIL], count[TAIL], false, t, y);
            tail(u, idx[FAR_TAIL], count[FAR_TAIL], true, t, y);
            int[] other = idx[OTHER];
            for (int j = 0; j < count[OTHER]; j++) {
                y[other[j]] = erf(u[other[j]]);
            }
            for (int i = 0; i < m; i++) {
                double x = a[b + i];
                a[b + i] = (float) (0.5 * x * (1 + y[i]));
            }
        }
    }

    private static final double SQRT2 = Math.sqrt(2);

    /** One block's working arrays, so the range loops allocate nothing. */
    private static final class Scratch {
        final double[] v = new double[BLOCK];
        final double[] w = new double[BLOCK];
        final double[] z = new double[BLOCK];
        final double[] first = new double[BLOCK];
        final double[] e = new double[BLOCK];
        final double[] k = new double[BLOCK];
    }

    private static int range(double ax) {
        if (!(ax >= 0x1p-28) || ax >= 6) {
            return OTHER;
        }
        // 0..3 by the three cut points, as a sum of comparisons rather than a chain of branches
        return (ax >= 0.84375 ? 1 : 0) + (ax >= 1.25 ? 1 : 0) + (ax >= 1 / 0.35 ? 1 : 0);
    }

    /** {@code |x| < 0.84375}: {@code x + x r(x^2)/s(x^2)}. */
    private static void small(double[] u, int[] idx, int n, double[] x, double[] scratch, double[] y) {
        for (int j = 0; j < n; j++) {
            x[j] = u[idx[j]];
        }
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            double z = xj * xj;
            double r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
            double s = 1 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
            scratch[j] = xj + xj * (r / s);
        }
        for (int j = 0; j < n; j++) {
            y[idx[j]] = scratch[j];
        }
    }

    /** {@code 0.84375 <= |x| < 1.25}: {@code erx + p(|x| - 1)/q(|x| - 1)}, signed. */
    private static void nearOne(double[] u, int[] idx, int n, double[] ax, double[] scratch, double[] y) {
        for (int j = 0; j < n; j++) {
            ax[j] = Math.abs(u[idx[j]]);
        }
        for (int j = 0; j < n; j++) {
            double s = ax[j] - 1;
            double p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
            double q = 1 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
            scratch[j] = ERX + p / q;
        }
        for (int j = 0; j < n; j++) {
            int i = idx[j];
            y[i] = u[i] < 0 ? -scratch[j] : scratch[j];
        }
    }

    /** {@code 1.25 <= |x| < 6}: {@code 1 - exp(-z^2 - 0.5625) exp((z - |x|)(z + |x|) + r/q) / |x|}, signed. */
    private static void tail(double[] u, int[] idx, int n, boolean far, Scratch t, double[] y) {
        double[] ax = t.v;
        double[] rq = t.w;
        double[] z = t.z;
        double[] first = t.first;
        double[] e = t.e;
        double[] k = t.k;
        for (int j = 0; j < n; j++) {
            ax[j] = Math.abs(u[idx[j]]);
        }
        if (far) {
            for (int j = 0; j < n; j++) {
                double a = ax[j];
                double s = 1 / (a * a);
                double r = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
                double q = 1 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
                rq[j] = r / q;
            }
        } else {
            for (int j = 0; j < n; j++) {
                double a = ax[j];
                double s = 1 / (a * a);
                double r = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
                double q = 1 + s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
                rq[j] = r / q;
            }
        }
        // the first exp's argument, -z^2 - 0.5625, lies in [-36.6, -2.1]: fdlibm's general path, vectorised in expAll
        for (int j = 0; j < n; j++) {
            z[j] = Double.longBitsToDouble(Double.doubleToRawLongBits(ax[j]) & 0xffffffff00000000L);
        }
        for (int j = 0; j < n; j++) {
            first[j] = -z[j] * z[j] - 0.5625;
        }
        FdlibmExp.expAll(first, e, k, n);
        for (int j = 0; j < n; j++) {
            int i = idx[j];
            double a = ax[j];
            double erfc = e[j] * FdlibmExp.exp((z[j] - a) * (z[j] + a) + rq[j]) / a;
            double yj = 1 - erfc;
            y[i] = u[i] < 0 ? -yj : yj;
        }
    }
}
