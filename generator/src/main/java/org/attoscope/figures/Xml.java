package org.attoscope.figures;

/** Escaping for the few parts of a figure written by hand (the root element, its title and description). */
final class Xml {

    private Xml() {
    }

    /** Escapes text or a double-quoted attribute value; drops characters XML 1.0 cannot carry. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (allowed(cp)) {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.toString();
    }

    /**
     * Prepares text for JFreeSVG, whose escaper leaves an {@code &} alone when it already looks like an entity
     * ({@code &lt;} would reach the page as {@code <}). Escaping every {@code &} first makes its output exact.
     */
    static String forJFreeSvg(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if (cp == '&') {
                sb.append("&amp;");
            } else if (allowed(cp)) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000 && cp <= 0x10FFFF;
    }
}
