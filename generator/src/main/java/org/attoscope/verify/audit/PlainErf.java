package org.attoscope.verify.audit;

/**
 * erf for the verifier's GELU, from its Maclaurin series (and the asymptotic series of erfc in the far tails), in
 * double. Written apart from the engine's {@code Erf} so an error there cannot repeat here; agreement to about 1e-12
 * (1e-10 in the tails, from 3.5 on) is far inside the tolerances the verifier compares with.
 */
final class PlainErf {
    private static final double TWO_OVER_ROOT_PI = 2 / Math.sqrt(Math.PI);
    private static final double ROOT_PI = Math.sqrt(Math.PI);
    private static final double ROOT_HALF = 1 / Math.sqrt(2);
    /** The series' coefficients {@code (-1)^n / (n! (2n+1))}, so a term costs a multiplication, not two divisions. */
    private static final double[] SERIES = series(200);

    private PlainErf() {
    }

    static double erf(double x) {
        double a = Math.abs(x);
        double r;
        if (a < 3.5) {
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
            r = TWO_OVER_ROOT_PI * sum;
        } else {
            // erfc(x) ~ exp(-x^2)/(x sqrt(pi)) * (1 - 1/(2x^2) + 3/(2x^2)^2 - 15/(2x^2)^3 ...), under 1e-6 here anyway
            double inv = 1 / (2 * a * a);
            double series = 1 - inv + 3 * inv * inv - 15 * inv * inv * inv + 105 * inv * inv * inv * inv;
            r = 1 - Math.exp(-a * a) / (a * ROOT_PI) * series;
        }
        return x < 0 ? -r : r;
    }

    /** The exact GELU of FORMATS.md section 2: x * (1 + erf(x / sqrt 2)) / 2. */
    static double gelu(double x) {
        return 0.5 * x * (1 + erf(x * ROOT_HALF));
    }

    private static double[] series(int terms) {
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
