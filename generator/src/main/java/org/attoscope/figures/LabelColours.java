package org.attoscope.figures;

/**
 * Black or white text over a fill, whichever has the higher WCAG contrast; it must reach AA for normal text
 * (4.5:1). With pure black and white one of them always reaches 4.58 or more, so the error below guards the
 * rule's promise rather than an expected case.
 */
public final class LabelColours {

    public static final double WCAG_AA = 4.5;

    private LabelColours() {
    }

    public static Rgb against(Rgb fill) {
        double black = Rgb.BLACK.contrastWith(fill);
        double white = Rgb.WHITE.contrastWith(fill);
        Rgb best = black >= white ? Rgb.BLACK : Rgb.WHITE;
        if (Math.max(black, white) < WCAG_AA) {
            throw new FigureException("no label colour reaches 4.5:1 contrast on fill " + fill.hex() + ".",
                    "choose a fill further from middle grey.");
        }
        return best;
    }
}
