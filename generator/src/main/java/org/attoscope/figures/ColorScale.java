package org.attoscope.figures;

/**
 * Maps a value to a fill colour, defined only on a stated domain.
 *
 * <p>A value outside the domain, NaN or infinity is a {@link FigureException}, never a clamp: a figure that silently
 * painted 1.7 like 1.0 would show something other than the captured number. Along each scale CIE lightness is
 * strictly monotone (per arm for the diverging scale), so order survives greyscale printing and colour-blind eyes.
 *
 * <p>A scale writes itself as an {@link #id()} on the figure ({@code data-scale}), and {@link #parse(String)} reads
 * it back, so a verifier can re-derive every fill from the page and the captured bytes alone.
 */
public sealed interface ColorScale permits SequentialScale, DivergingScale {

    /** The values this scale is defined on. */
    ScaleDomain domain();

    /** The fill for a value in the domain. */
    Rgb colour(double value);

    /** A stable identifier carrying everything needed to rebuild the scale, e.g. {@code sequential[0,1]}. */
    String id();

    /** A phrase for captions and legends, e.g. {@code cividis-like, 0 to 1}. */
    String description();

    /** The weights scale: cividis-like, dark blue at 0 to yellow at 1, lightness rising. */
    static ColorScale sequential() {
        return SequentialScale.INSTANCE;
    }

    /** Signed values on {@code [-limit, limit]}: blue below 0, near-white at 0, orange-brown above. */
    static ColorScale diverging(double limit) {
        return new DivergingScale(limit);
    }

    /**
     * The scale a figure of these values uses: {@link #sequential()} when all lie in [0,1] (attention weights,
     * probabilities), otherwise {@link #diverging(double)} with {@link DivergingScale#niceLimit(double)} of the
     * largest magnitude. Written down here so pages and the verifier choose the same way.
     */
    static ColorScale forValues(float[] values) {
        double maxAbs = 0;
        boolean unit = true;
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (!Float.isFinite(v)) {
                throw new FigureException("value " + v + " at flat index " + i + " cannot be coloured.",
                        "captures must hold finite numbers; re-capture the tensor.");
            }
            unit &= v >= 0 && v <= 1;
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        return unit ? sequential() : diverging(DivergingScale.niceLimit(maxAbs));
    }

    /** Rebuilds a scale from its {@link #id()}. */
    static ColorScale parse(String id) {
        if (SequentialScale.INSTANCE.id().equals(id)) {
            return SequentialScale.INSTANCE;
        }
        return DivergingScale.parse(id);
    }
}
