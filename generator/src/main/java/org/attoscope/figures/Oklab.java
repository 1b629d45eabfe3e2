package org.attoscope.figures;

/**
 * A colour in Björn Ottosson's OKLab space, where straight lines are perceptually even and L is lightness.
 *
 * <p>Scales are built as straight lines in this space, which makes lightness change linearly along them. All maths
 * uses {@link StrictMath} so a fill's hex is the same on every JVM and CPU, which the verifier relies on.
 */
record Oklab(double lightness, double a, double b) {

    static Oklab ofSrgb(Rgb c) {
        return ofLinear(Rgb.linear(c.red()), Rgb.linear(c.green()), Rgb.linear(c.blue()));
    }

    /** OKLCh constructor: lightness, chroma and hue angle in degrees. */
    static Oklab ofLch(double lightness, double chroma, double hueDegrees) {
        double h = StrictMath.toRadians(hueDegrees);
        return new Oklab(lightness, chroma * StrictMath.cos(h), chroma * StrictMath.sin(h));
    }

    static Oklab ofLinear(double r, double g, double b) {
        double l = StrictMath.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
        double m = StrictMath.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
        double s = StrictMath.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
        return new Oklab(
                0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
                1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
                0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s);
    }

    Oklab towards(Oklab end, double t) {
        return new Oklab(lightness + (end.lightness - lightness) * t, a + (end.a - a) * t, b + (end.b - b) * t);
    }

    /** Linear-light sRGB components; may fall outside [0,1] when the colour is out of gamut. */
    double[] linearSrgb() {
        double l = cube(lightness + 0.3963377774 * a + 0.2158037573 * b);
        double m = cube(lightness - 0.1055613458 * a - 0.0638541728 * b);
        double s = cube(lightness - 0.0894841775 * a - 1.2914855480 * b);
        return new double[] {
            4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
            -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
            -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s};
    }

    /**
     * The 8-bit sRGB colour. The scales' lines are checked to stay inside the gamut, so only rounding noise (well
     * under half an 8-bit step) is trimmed here; anything more is a bug in a scale's construction.
     */
    Rgb toRgb() {
        double[] lin = linearSrgb();
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            if (lin[i] < -1e-6 || lin[i] > 1 + 1e-6) {
                throw new IllegalStateException("OKLab colour " + this + " lies outside sRGB");
            }
            out[i] = fromLinear(Math.min(1, Math.max(0, lin[i])));
        }
        return Rgb.ofUnit(out[0], out[1], out[2]);
    }

    /** CIE L* of the unrounded colour, for checking a scale's lightness before 8-bit rounding. */
    double cieLightness() {
        double[] lin = linearSrgb();
        return cieLightness(lin[0], lin[1], lin[2]);
    }

    static double cieLightness(double r, double g, double b) {
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double delta = 6.0 / 29.0;
        double f = y > delta * delta * delta ? StrictMath.cbrt(y) : y / (3 * delta * delta) + 4.0 / 29.0;
        return 116 * f - 16;
    }

    static double toLinear(double c) {
        return c <= 0.04045 ? c / 12.92 : StrictMath.pow((c + 0.055) / 1.055, 2.4);
    }

    static double fromLinear(double c) {
        return c <= 0.0031308 ? 12.92 * c : 1.055 * StrictMath.pow(c, 1 / 2.4) - 0.055;
    }

    private static double cube(double x) {
        return x * x * x;
    }
}
