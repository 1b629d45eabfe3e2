package org.attoscope.verify.audit;

/**
 * erf for the verifier's GELU, from its Maclaurin series (and the asymptotic series of erfc in the far tails), in
 * double. Written apart from the engine's {@code Erf} so an error there cannot repeat here; agreement to about 1e-12
 * (1e-10 in the tails, from 3.5 on) is far inside the tolerances the verifier compares with.
 *
 * <p>The series is summed once per node of a grid of step 1/16 on [0, 3.5], when the class loads; between nodes erf
 * is its Taylor series about the nearest node, whose coefficients are erf's derivatives there,
 * {@code erf^(n)(x) = 2/sqrt(pi) (-1)^(n-1) H_(n-1)(x) e^(-x^2)} (Hermite polynomials), so a value costs a dozen
 * multiply-adds where the series took 20 to 60 terms (a verifier's point asks for about 7,000).
 */
final class PlainErf {
    private static final double TWO_OVER_ROOT_PI = 2 / Math.sqrt(Math.PI);
    private static final double ROOT_PI = Math.sqrt(Math.PI);
    private static final double ROOT_HALF = 1 / Math.sqrt(2);
    /** The series' coefficients {@code (-1)^n / (n! (2n+1))}, so a term costs a multiplication, not two divisions. */
    private static final double[] SERIES = coefficients(200);
    /** Nodes per unit of the Taylor grid: a value is at most 1/32 from its node. */
    private static final int PER_UNIT = 16;
    /** Taylor terms past the node's value: the next term is below 1e-20 on the whole grid. */
    private static final int TERMS = 12;
    private static final double SERIES_END = 3.5;
    /** {@code TAYLOR[k][n]}: the n-th Taylor coefficient of erf about {@code k / PER_UNIT}. */
    private static final double[][] TAYLOR = taylor();

    private PlainErf() {
    }

    static double erf(double x) {
        double a = Math.abs(x);
        double r;
        if (a < SERIES_END) {
            int k = (int) Math.rint(a * PER_UNIT);
            double d = a - (double) k / PER_UNIT;
            double[] c = TAYLOR[k];
            r = c[TERMS];
            for (int n = TERMS - 1; n >= 0; n--) {
                r = r * d + c[n];
            }
        } else {
            r = tail(a);
        }
        return x < 0 ? -r : r;
    }

    /** erf of {@code a >= 0} below {@link #SERIES_END} from the Maclaurin series: the nodes' values, and tests. */
    static double maclaurin(double a) {
        // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1)); below 3.5 the terms stay under 1e5, so double keeps ~1e-11
        double power = a;
        double sum = a;
        double a2 = a * a;
        for (int n = 1; n < SERIES.length; n++) {
            power *= a2;
            double add = power * SERIES[n];
            sum += add;
            if (Math.abs(add) <= 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_ROOT_PI * sum;
    }

    private static double tail(double a) {
        // erfc(x) ~ exp(-x^2)/(x sqrt(pi)) * (1 - 1/(2x^2) + 3/(2x^2)^2 - 15/(2x^2)^3 ...), under 1e-6 here anyway
        double inv = 1 / (2 * a * a);
        double series = 1 - inv + 3 * inv * inv - 15 * inv * inv * inv + 105 * inv * inv * inv * inv;
        return 1 - Math.exp(-a * a) / (a * ROOT_PI) * series;
    }

    /** The exact GELU of FORMATS.md section 2: x * (1 + erf(x / sqrt 2)) / 2. */
    static double gelu(double x) {
        return 0.5 * x * (1 + erf(x * ROOT_HALF));
    }

    private static double[][] taylor() {
        int nodes = (int) (SERIES_END * PER_UNIT) + 1;
        double[][] t = new double[nodes][TERMS + 1];
        for (int k = 0; k < nodes; k++) {
            double x0 = (double) k / PER_UNIT;
            // H_0 .. H_(TERMS-1) at x0, by H_(m+1) = 2x H_m - 2m H_(m-1)
            double[] h = new double[TERMS];
            h[0] = 1;
            if (TERMS > 1) {
                h[1] = 2 * x0;
            }
            for (int m = 1; m + 1 < TERMS; m++) {
                h[m + 1] = 2 * x0 * h[m] - 2 * m * h[m - 1];
            }
            t[k][0] = maclaurin(x0);
            double gauss = TWO_OVER_ROOT_PI * Math.exp(-x0 * x0);
            double factorial = 1;
            for (int n = 1; n <= TERMS; n++) {
                factorial *= n;
                t[k][n] = ((n - 1) % 2 == 0 ? 1 : -1) * h[n - 1] * gauss / factorial;
            }
        }
        return t;
    }

    private static double[] coefficients(int terms) {
        double[] c = new double[terms];
        double factorial = 1;
        for (int n = 0; n < terms; n++) {
            if (n > 0) {
                factorial *= n;
            }
            c[n] = (n % 2 == 0 ? 1 : -1) / (factorial * (2 * n + 1));
        }
        return c;
    }
}
