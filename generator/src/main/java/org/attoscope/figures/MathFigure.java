package org.attoscope.figures;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.jfree.svg.SVGHints;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * LaTeX rendered at build time: JLaTeXMath lays the formula out and paints it into JFreeSVG with
 * {@link SVGHints#VALUE_DRAW_STRING_TYPE_VECTOR}, so every glyph becomes a {@code <path>} and the page needs no
 * font, script or network. The LaTeX source is the figure's {@code <title>} and {@code <desc>}, which is what a
 * screen reader reads and what a search finds.
 *
 * <p>The SVG is sized in {@code em} of 16 px text, so it scales with the surrounding text; inline formulas are
 * lowered by their depth below the baseline.
 */
public final class MathFigure {

    /** The body text size the em sizes are relative to: display formulas come out at 1.5em, inline at 1em. */
    private static final double TEXT_PIXELS = 16;
    private static final Color INK = new Color(0x22, 0x22, 0x22);

    /**
     * Deeper than any formula needs. JLaTeXMath recurses once per level of braces, and a few hundred levels overflowed
     * a thread's default stack, so past this the formula is refused before it is laid out, the same on every thread.
     */
    static final int BRACE_LEVELS = 32;
    /** The fix for a formula nested too deeply, whichever way it was found. */
    private static final String FLATTER = "write it flatter, or as several formulas.";

    private MathFigure() {
    }

    public static SvgFigure render(String latex, MathStyle style) {
        int depth = braceDepth(latex);
        if (depth > BRACE_LEVELS) {
            throw new FigureException("the formula " + quoted(latex) + " nests braces " + depth + " levels deep; "
                    + "attoscope draws at most " + BRACE_LEVELS + ".", FLATTER);
        }
        try {
            return drawn(latex, style);
        } catch (StackOverflowError e) {
            // nesting without braces (\sqrt\sqrt..., \left( \left( ...) is not counted above
            throw new FigureException("the formula " + quoted(latex) + " is nested too deeply to lay out.", FLATTER);
        }
    }

    private static SvgFigure drawn(String latex, MathStyle style) {
        TeXIcon icon = layout(latex, style);
        int w = Math.max(1, icon.getIconWidth());
        int h = Math.max(1, icon.getIconHeight());
        SvgCanvas canvas = new SvgCanvas(w, h);
        canvas.graphics().setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        icon.setForeground(INK);
        icon.paintIcon(null, canvas.graphics(), 0, 0);
        double depth = icon.getIconDepth();
        String em = "width:" + ems(w, style) + "em;height:" + ems(h, style) + "em"
                + (style == MathStyle.INLINE ? ";vertical-align:-" + ems(depth, style) + "em" : "");
        String svg = canvas.finish(style == MathStyle.DISPLAY ? "math-display" : "math-inline", latex, latex,
                SvgCanvas.attributes("style", em, "data-latex", latex));
        return new SvgFigure(svg, latex, latex, 0, List.of());
    }

    /**
     * The formula laid out. One whose only fault is its braces (an unclosed one, a stray closing one) is drawn with them
     * balanced, so the typo shows on the page instead of stopping the build; anything else (an unknown command) is
     * the author's error, reported at the formula's line.
     */
    private static TeXIcon layout(String latex, MathStyle style) {
        try {
            return new TeXFormula(latex).createTeXIcon(style.texStyle, style.pixels);
        } catch (RuntimeException first) {
            try {
                return new TeXFormula(balanced(latex)).createTeXIcon(style.texStyle, style.pixels);
            } catch (RuntimeException second) {
                throw new FigureException("LaTeX '" + latex + "' does not parse: " + first.getMessage(),
                        "check braces and command names; JLaTeXMath supports the usual math-mode LaTeX.", first);
            }
        }
    }

    /** The formula as an error message quotes it: whole, or its start when it is long. */
    private static String quoted(String latex) {
        return "'" + (latex.length() <= 60 ? latex : latex.substring(0, 60) + "...") + "'";
    }

    /** How many unescaped braces are open at the deepest point of {@code latex}. */
    static int braceDepth(String latex) {
        int open = 0;
        int deepest = 0;
        for (int i = 0; i < latex.length(); i++) {
            if (isBrace(latex, i, '{')) {
                deepest = Math.max(deepest, ++open);
            } else if (isBrace(latex, i, '}') && open > 0) {
                open--;
            }
        }
        return deepest;
    }

    /** Whether {@code latex} has {@code brace} at {@code i} as a group's brace, not as text (a backslash before it). */
    private static boolean isBrace(String latex, int i, char brace) {
        return latex.charAt(i) == brace && (i == 0 || latex.charAt(i - 1) != '\\');
    }

    /** {@code latex} with unmatched closing braces dropped and unclosed ones closed at the end. */
    static String balanced(String latex) {
        StringBuilder out = new StringBuilder();
        int open = 0;
        for (int i = 0; i < latex.length(); i++) {
            char c = latex.charAt(i);
            if (isBrace(latex, i, '{')) {
                open++;
            } else if (isBrace(latex, i, '}')) {
                if (open == 0) {
                    continue;
                }
                open--;
            }
            out.append(c);
        }
        return out + "}".repeat(open);
    }

    private static String ems(double pixels, MathStyle style) {
        return String.format(Locale.ROOT, "%.3f", pixels / TEXT_PIXELS).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
