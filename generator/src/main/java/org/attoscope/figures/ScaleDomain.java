package org.attoscope.figures;

/** The closed interval of values a colour scale is defined on. */
public record ScaleDomain(double min, double max) {

    public ScaleDomain {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a scale domain needs finite min < max, got [" + min + ", " + max + "]");
        }
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        return "[" + HalfEvenNumbers.plain(min) + ", " + HalfEvenNumbers.plain(max) + "]";
    }
}
