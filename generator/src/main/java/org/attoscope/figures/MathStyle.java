package org.attoscope.figures;

import org.scilab.forge.jlatexmath.TeXConstants;

/** How a formula sits in the text: on its own line, or inside a sentence. */
public enum MathStyle {
    DISPLAY(TeXConstants.STYLE_DISPLAY, 24),
    INLINE(TeXConstants.STYLE_TEXT, 16);

    final int texStyle;
    /** Pixel size the formula is drawn at; the SVG is sized in ems of a 16 px text size, so it scales with it. */
    final float pixels;

    MathStyle(int texStyle, float pixels) {
        this.texStyle = texStyle;
        this.pixels = pixels;
    }
}
