package org.attoscope.figures;

/** The domain check every scale shares. */
final class Scales {

    private Scales() {
    }

    static void requireIn(ColorScale scale, double value) {
        if (!Double.isFinite(value)) {
            throw new FigureException("value " + value + " cannot be coloured by scale " + scale.id() + ".",
                    "captures must hold finite numbers; NaN and infinity mean the run that made them went wrong.");
        }
        if (!scale.domain().contains(value)) {
            throw new FigureException("value " + value + " lies outside the domain " + scale.domain()
                    + " of colour scale " + scale.id() + ".",
                    "use ColorScale.forValues(values) so the scale covers every value the figure shows.");
        }
    }
}
