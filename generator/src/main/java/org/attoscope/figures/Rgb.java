package org.attoscope.figures;

import java.util.HexFormat;

/**
 * An 8-bit sRGB colour, the form every fill takes on a page.
 *
 * <p>Luminance and contrast follow WCAG 2.x exactly (relative luminance of linearised sRGB, contrast
 * {@code (L1 + 0.05) / (L2 + 0.05)}), so a checker reading the page's hex gets the same numbers.
 */
public record Rgb(int red, int green, int blue) {

    public static final Rgb BLACK = new Rgb(0, 0, 0);
    public static final Rgb WHITE = new Rgb(255, 255, 255);

    public Rgb {
        if (!inByte(red) || !inByte(green) || !inByte(blue)) {
            throw new IllegalArgumentException("sRGB channels are 0..255, got " + red + "," + green + "," + blue);
        }
    }

    /** Parses {@code #rrggbb} (the form {@link #hex()} writes) or {@code rgb(r,g,b)} (the form JFreeSVG writes). */
    public static Rgb parse(String text) {
        String t = text.strip();
        try {
            if (t.startsWith("#") && t.length() == 7) {
                int v = Integer.parseInt(t.substring(1), 16);
                return new Rgb(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
            }
            if (t.startsWith("rgb(") && t.endsWith(")")) {
                String[] parts = t.substring(4, t.length() - 1).split(",");
                if (parts.length == 3) {
                    return new Rgb(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()),
                            Integer.parseInt(parts[2].strip()));
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the one message below
        }
        throw new IllegalArgumentException("not a colour: '" + text + "' (expected #rrggbb or rgb(r,g,b))");
    }

    /** Rounds gamma-encoded sRGB components in [0,1] to 8 bits; callers have already checked the gamut. */
    static Rgb ofUnit(double r, double g, double b) {
        return new Rgb(toByte(r), toByte(g), toByte(b));
    }

    /** Lowercase {@code #rrggbb}. */
    public String hex() {
        HexFormat hex = HexFormat.of();
        return "#" + hex.toHexDigits((byte) red) + hex.toHexDigits((byte) green) + hex.toHexDigits((byte) blue);
    }

    /** WCAG relative luminance, 0 for black to 1 for white. */
    public double relativeLuminance() {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    /** WCAG contrast ratio with another colour, 1 to 21, symmetric. */
    public double contrastWith(Rgb other) {
        double a = relativeLuminance();
        double b = other.relativeLuminance();
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** CIE 1976 L* (D65), 0 to 100: the lightness a greyscale print keeps. */
    public double cieLightness() {
        return Oklab.cieLightness(linear(red), linear(green), linear(blue));
    }

    static double linear(int channel) {
        return Oklab.toLinear(channel / 255.0);
    }

    private static int toByte(double unit) {
        return (int) Math.round(unit * 255.0);
    }

    private static boolean inByte(int v) {
        return v >= 0 && v <= 255;
    }

    @Override
    public String toString() {
        return hex();
    }
}
