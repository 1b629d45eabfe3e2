package org.attoscope.figures;

/**
 * A cividis-like sequential scale for [0,1]: the straight line in OKLab between cividis's end colours, navy
 * {@code #00204d} and yellow {@code #ffe945}.
 *
 * <p>Cividis (Nuñez, Anderton and Renslow, 2018) was designed to look alike to people with and without red-green
 * colour blindness: it runs along the blue-yellow axis they keep. Drawing it as one OKLab line rather than a table
 * of eyeballed stops makes it perceptually even by construction (equal steps in value are equal steps in OKLab)
 * and its lightness strictly increasing (OKLab L goes 0.253 to 0.925 linearly; CIE L* follows, tested).
 */
public final class SequentialScale implements ColorScale {

    static final SequentialScale INSTANCE = new SequentialScale();

    private static final ScaleDomain DOMAIN = new ScaleDomain(0, 1);
    // the end colours are data (ScalePoints), read by the verifier too
    private static final Oklab LOW = Oklab.ofSrgb(ScalePoints.shared().sequentialLow());
    private static final Oklab HIGH = Oklab.ofSrgb(ScalePoints.shared().sequentialHigh());

    private SequentialScale() {
    }

    @Override
    public ScaleDomain domain() {
        return DOMAIN;
    }

    @Override
    public Rgb colour(double value) {
        return point(value).toRgb();
    }

    /** The unrounded OKLab colour, for checking lightness before 8-bit rounding. */
    Oklab point(double value) {
        Scales.requireIn(this, value);
        return LOW.towards(HIGH, value);
    }

    @Override
    public String id() {
        return "sequential[0,1]";
    }

    @Override
    public String description() {
        return "cividis-like, 0 (navy) to 1 (yellow)";
    }

    @Override
    public String toString() {
        return id();
    }
}
