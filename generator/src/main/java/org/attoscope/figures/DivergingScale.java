package org.attoscope.figures;

import java.math.BigDecimal;

/**
 * A diverging scale for signed values on a symmetric domain {@code [-limit, limit]}, centred on 0.
 *
 * <p>Two straight OKLab lines meet at a near-white centre (L 0.97): towards {@code -limit} a blue (OKLCh hue 255°),
 * towards {@code +limit} an orange-brown (hue 50°), both ending at OKLab L 0.48 with chroma 0.12 so the arms are
 * equally heavy. Blue against orange is the pair red-green colour-blind readers still tell apart, and lightness
 * falls strictly from the centre along each arm, so magnitude reads in greyscale and sign reads by hue.
 */
public final class DivergingScale implements ColorScale {

    // the control points are data (ScalePoints), read by the verifier too
    private static final Oklab CENTRE = lab(ScalePoints.shared().centre());
    private static final Oklab NEGATIVE = lab(ScalePoints.shared().negative());
    private static final Oklab POSITIVE = lab(ScalePoints.shared().positive());
    private static final String PREFIX = "diverging[-";

    private final double limit;
    private final ScaleDomain domain;

    DivergingScale(double limit) {
        if (!(limit > 0) || !Double.isFinite(limit)) {
            throw new FigureException("a diverging scale needs a finite positive limit, got " + limit + ".",
                    "pass the largest magnitude to show, or use DivergingScale.niceLimit(max).");
        }
        this.limit = limit;
        this.domain = new ScaleDomain(-limit, limit);
    }

    /**
     * The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code maxAbs} (1 when everything is 0),
     * so legends read in round numbers and the limit is re-derivable from the values alone.
     */
    public static double niceLimit(double maxAbs) {
        if (!(maxAbs >= 0) || !Double.isFinite(maxAbs)) {
            throw new FigureException("cannot size a colour scale for magnitude " + maxAbs + ".",
                    "captures must hold finite numbers.");
        }
        if (maxAbs == 0) {
            return 1;
        }
        BigDecimal target = new BigDecimal(maxAbs);
        BigDecimal decade = BigDecimal.ONE.scaleByPowerOfTen(target.precision() - target.scale() - 1);
        String[] steps = {"1", "2", "2.5", "5", "10"};
        for (String step : steps) {
            BigDecimal candidate = decade.multiply(new BigDecimal(step));
            if (candidate.compareTo(target) >= 0) {
                return candidate.doubleValue();
            }
        }
        throw new IllegalStateException("unreachable: 10 decades always covers " + maxAbs);
    }

    private static Oklab lab(ScalePoints.Lch p) {
        return p.chroma() == 0 ? new Oklab(p.lightness(), 0, 0) : Oklab.ofLch(p.lightness(), p.chroma(), p.hueDegrees());
    }

    static DivergingScale parse(String id) {
        if (id != null && id.startsWith(PREFIX) && id.endsWith("]")) {
            String[] ends = id.substring(PREFIX.length(), id.length() - 1).split(",");
            if (ends.length == 2 && ends[0].equals(ends[1])) {
                try {
                    return new DivergingScale(Double.parseDouble(ends[0]));
                } catch (NumberFormatException e) {
                    // falls through to the one message below
                }
            }
        }
        throw new FigureException("unknown colour scale '" + id + "'.",
                "expected sequential[0,1] or diverging[-L,L] with the same L on both sides.");
    }

    public double limit() {
        return limit;
    }

    @Override
    public ScaleDomain domain() {
        return domain;
    }

    @Override
    public Rgb colour(double value) {
        return point(value).toRgb();
    }

    Oklab point(double value) {
        Scales.requireIn(this, value);
        double t = value / limit;
        return t < 0 ? CENTRE.towards(NEGATIVE, -t) : CENTRE.towards(POSITIVE, t);
    }

    @Override
    public String id() {
        String l = HalfEvenNumbers.plain(limit);
        return PREFIX + l + "," + l + "]";
    }

    @Override
    public String description() {
        String l = HalfEvenNumbers.plain(limit);
        return "diverging, -" + l + " (blue) through 0 (white) to " + l + " (orange)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DivergingScale d && Double.compare(d.limit, limit) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(limit);
    }

    @Override
    public String toString() {
        return id();
    }
}
