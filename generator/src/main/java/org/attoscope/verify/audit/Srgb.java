package org.attoscope.verify.audit;

import java.util.HexFormat;
import java.util.Locale;

/**
 * An 8-bit sRGB colour as the verifier reads it off a page ({@code #rrggbb} or {@code rgb(r,g,b)}), with its own WCAG 2
 * relative luminance and contrast: the verifier measures label contrast without the figures package's code.
 */
public record Srgb(int red, int green, int blue) {

    public static final Srgb BLACK = new Srgb(0, 0, 0);
    public static final Srgb WHITE = new Srgb(255, 255, 255);

    /** The colour a CSS colour value names, or null when it is not one of the two forms figures write. */
    public static Srgb parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("#[0-9a-f]{6}")) {
                return new Srgb(Integer.parseInt(t.substring(1, 3), 16), Integer.parseInt(t.substring(3, 5), 16),
                        Integer.parseInt(t.substring(5, 7), 16));
            }
            if (t.startsWith("rgb(") && t.endsWith(")")) {
                String[] p = t.substring(4, t.length() - 1).split(",");
                if (p.length == 3) {
                    Srgb c = new Srgb(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()), Integer.parseInt(p[2].strip()));
                    return c.red >= 0 && c.red < 256 && c.green >= 0 && c.green < 256 && c.blue >= 0 && c.blue < 256 ? c : null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    public String hex() {
        HexFormat hex = HexFormat.of();
        return "#" + hex.toHexDigits((byte) red) + hex.toHexDigits((byte) green) + hex.toHexDigits((byte) blue);
    }

    /** WCAG 2: {@code 0.2126 R + 0.7152 G + 0.0722 B} of the linearised channels. */
    public double luminance() {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    /** WCAG 2 contrast ratio {@code (L1 + 0.05) / (L2 + 0.05)}, lighter over darker. */
    public double contrast(Srgb other) {
        double a = luminance() + 0.05;
        double b = other.luminance() + 0.05;
        return a > b ? a / b : b / a;
    }

    /** Whether each channel is within {@code steps} of the other colour's. */
    public boolean near(Srgb other, int steps) {
        return Math.abs(red - other.red) <= steps && Math.abs(green - other.green) <= steps && Math.abs(blue - other.blue) <= steps;
    }

    static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    @Override
    public String toString() {
        return hex();
    }
}
