package org.attoscope.figures;

/**
 * The colours that tell attention heads apart, from Okabe and Ito's colour-blind-safe palette: head 0 vermillion
 * (their orange-red, chosen over their lighter orange because it keeps 3:1 non-text contrast against white), head 1
 * blue. The pair differs along the blue-yellow axis that red-green colour-blind readers keep.
 */
public final class HeadColours {

    public static final Rgb HEAD_0 = new Rgb(0xd5, 0x5e, 0x00);
    public static final Rgb HEAD_1 = new Rgb(0x00, 0x72, 0xb2);

    private HeadColours() {
    }

    /** The colour of head {@code head}; the model has two. */
    public static Rgb of(int head) {
        return switch (head) {
            case 0 -> HEAD_0;
            case 1 -> HEAD_1;
            default -> throw new FigureException("no colour for attention head " + head + ".",
                    "attoGPT has heads 0 and 1.");
        };
    }
}
