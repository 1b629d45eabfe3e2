package org.attoscope.figures;

/**
 * Hand-written SVG for the story figures, whose size grows with the story: one element per value cell, colours as
 * {@code fill} presentation attributes. JFreeSVG writes each shape with an inline {@code style} attribute (about 30
 * bytes more per cell, and a content security policy without {@code 'unsafe-inline'} ignores style attributes), and
 * needs a group plus a title around every cell; at a few thousand cells per page both matter.
 */
final class SvgWriter {
    /*
     * Default capacity, grown by doubling: most writers hold one cell's element of about a hundred bytes. A 64 KB
     * start made each of those allocate 64 KB, 94 GB in all in a 1,000-story build.
     */
    private final StringBuilder sb = new StringBuilder();

    SvgWriter open(String tag, String... attributes) {
        start(tag, attributes);
        sb.append('>');
        return this;
    }

    SvgWriter empty(String tag, String... attributes) {
        start(tag, attributes);
        sb.append("/>");
        return this;
    }

    SvgWriter close(String tag) {
        sb.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only text, e.g. a {@code <title>} or a {@code <text>}. */
    SvgWriter textElement(String tag, String text, String... attributes) {
        start(tag, attributes);
        sb.append('>').append(Xml.escape(text)).append("</").append(tag).append('>');
        return this;
    }

    /** A filled axis-aligned box as a short path ({@code M x y h w v h h -w z}). */
    SvgWriter box(double x, double y, double w, double h, Rgb fill, String... attributes) {
        String[] all = new String[attributes.length + 4];
        System.arraycopy(attributes, 0, all, 0, attributes.length);
        all[attributes.length] = "fill";
        all[attributes.length + 1] = fill.hex();
        all[attributes.length + 2] = "d";
        all[attributes.length + 3] = "M" + HalfEvenNumbers.geometry(x) + " " + HalfEvenNumbers.geometry(y) + "h" + HalfEvenNumbers.geometry(w)
                + "v" + HalfEvenNumbers.geometry(h) + "h" + HalfEvenNumbers.geometry(-w) + "z";
        return empty("path", all);
    }

    SvgWriter text(String text, double x, double y, int size, Rgb fill, String anchor, String... attributes) {
        String[] all = new String[attributes.length + 8 + (anchor.equals("start") ? 0 : 2)];
        int i = 0;
        for (String a : attributes) {
            all[i++] = a;
        }
        all[i++] = "x";
        all[i++] = HalfEvenNumbers.geometry(x);
        all[i++] = "y";
        all[i++] = HalfEvenNumbers.geometry(y);
        all[i++] = "font-size";
        all[i++] = Integer.toString(size);
        all[i++] = "fill";
        all[i++] = fill.hex();
        if (!anchor.equals("start")) {
            all[i++] = "text-anchor";
            all[i] = anchor;
        }
        return textElement("text", text, all);
    }

    /** Markup written elsewhere (by another writer), as is. */
    SvgWriter raw(CharSequence markup) {
        sb.append(markup);
        return this;
    }

    String markup() {
        return sb.toString();
    }

    /**
     * The finished figure: the root SvgCanvas writes too ({@code role="img"}, class, viewBox, size, data
     * attributes), {@code <title>} and {@code <desc>} first, then what was written here.
     */
    String figure(String kind, double width, double height, String title, String description, String... rootData) {
        String w = HalfEvenNumbers.geometry(width);
        String h = HalfEvenNumbers.geometry(height);
        java.util.List<String> attributes = new java.util.ArrayList<>(java.util.List.of("xmlns",
                "http://www.w3.org/2000/svg", "role", "img", "class", "attoscope-figure attoscope-" + kind, "viewBox",
                "0 0 " + w + " " + h, "width", w, "height", h));
        attributes.addAll(java.util.List.of(rootData));
        SvgWriter root = new SvgWriter().open("svg", attributes.toArray(String[]::new));
        root.textElement("title", title).textElement("desc", description);
        root.sb.append(sb);
        return root.close("svg").markup();
    }

    private void start(String tag, String... attributes) {
        sb.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            sb.append(' ').append(attributes[i]).append("=\"").append(Xml.escape(attributes[i + 1])).append('"');
        }
    }
}
