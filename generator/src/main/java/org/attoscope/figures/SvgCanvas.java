package org.attoscope.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * The drawing surface every figure uses: JFreeSVG's {@link SVGGraphics2D}, configured for deterministic output,
 * plus the markup JFreeSVG does not write itself.
 *
 * <p>Per-cell attributes go through {@link SVGHints#KEY_BEGIN_GROUP} with an ordered attribute map and tooltips
 * through {@link SVGHints#KEY_ELEMENT_TITLE}; both are JFreeSVG features. The root element is written here by hand
 * (see {@link #finish}), because JFreeSVG's root has no {@code role}, no {@code <title>}/{@code <desc>} as first
 * children, and declares an {@code xmlns:jfreesvg} namespace HTML validators reject.
 *
 * <p>Text is placed without font metrics (widths are estimated from character counts), so the same input gives
 * the same bytes whatever fonts the building machine has; the browser renders a generic {@code sans-serif}.
 */
final class SvgCanvas {

    enum Anchor { START, MIDDLE, END }

    private static final String ROOT_PREFIX = "<svg xmlns='http://www.w3.org/2000/svg'"
            + " xmlns:xlink='http://www.w3.org/1999/xlink' xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg'>";

    /** Average advance of a sans-serif glyph in ems, generous so estimated labels never overflow their cell. */
    static final double CHAR_EM = 0.62;

    private final SVGGraphics2D g;
    private final double width;
    private final double height;

    SvgCanvas(double width, double height) {
        this.width = width;
        this.height = height;
        this.g = new SVGGraphics2D(width, height);
        // JFreeSVG otherwise seeds def ids from System.nanoTime(); figures use no defs, but ids must never vary.
        g.setDefsKeyPrefix("atto");
        g.setGeomDoubleConverter(HalfEvenNumbers::geometry);
        g.setTransformDoubleConverter(HalfEvenNumbers::geometry);
    }

    SVGGraphics2D graphics() {
        return g;
    }

    /** Opens a {@code <g>} with these attributes in this order; values are escaped by JFreeSVG. */
    void beginGroup(Map<String, String> attributes) {
        Map<String, String> safe = new LinkedHashMap<>();
        attributes.forEach((k, v) -> safe.put(k, Xml.forJFreeSvg(v)));
        g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, safe);
    }

    void endGroup() {
        g.setRenderingHint(SVGHints.KEY_END_GROUP, "");
    }

    /** A {@code <title>} child of the group just opened: the tooltip browsers show on hover. */
    void title(String text) {
        g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, Xml.forJFreeSvg(text));
    }

    void fillRect(double x, double y, double w, double h, Rgb fill) {
        g.setPaint(awt(fill));
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    void strokeRect(double x, double y, double w, double h, Rgb stroke, float lineWidth) {
        g.setPaint(awt(stroke));
        g.setStroke(new BasicStroke(lineWidth));
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    void fill(Shape shape, Rgb fill) {
        g.setPaint(awt(fill));
        g.fill(shape);
    }

    void stroke(Shape shape, Rgb stroke, float lineWidth) {
        g.setPaint(awt(stroke));
        g.setStroke(new BasicStroke(lineWidth));
        g.draw(shape);
    }

    void line(double x1, double y1, double x2, double y2, Rgb stroke, float lineWidth) {
        g.setPaint(awt(stroke));
        g.setStroke(new BasicStroke(lineWidth));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    /** Text with its baseline at y; the anchor says whether x is its start, middle or end. */
    void text(String text, double x, double y, int size, Rgb colour, Anchor anchor, boolean bold) {
        if (anchor != Anchor.START) {
            beginGroup(attributes("text-anchor", anchor == Anchor.MIDDLE ? "middle" : "end"));
        }
        g.setPaint(awt(colour));
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
        g.drawString(Xml.forJFreeSvg(text), (float) x, (float) y);
        if (anchor != Anchor.START) {
            endGroup();
        }
    }

    /** Text centred on (x, y), baseline placed from the font size rather than measured metrics. */
    void centredText(String text, double x, double y, int size, Rgb colour, boolean bold) {
        text(text, x, y + 0.35 * size, size, colour, Anchor.MIDDLE, bold);
    }

    /** Text rotated by {@code degrees} about its anchor point (x, y). */
    void rotatedText(String text, double x, double y, int size, Rgb colour, Anchor anchor, double degrees) {
        var saved = g.getTransform();
        g.rotate(Math.toRadians(degrees), x, y);
        text(text, x, y, size, colour, anchor, false);
        g.setTransform(saved);
    }

    /** An attribute map in the order given: {@code attributes("class", "cell", "data-bits", "3f800000")}. */
    static Map<String, String> attributes(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Estimated width of text in this font size. */
    static double textWidth(String text, int size) {
        return text.codePointCount(0, text.length()) * CHAR_EM * size;
    }

    /**
     * The finished element: a hand-written root with {@code role="img"}, {@code <title>} and {@code <desc>} first,
     * then everything drawn.
     *
     * @param kind        a short name of the figure type, written as {@code class="attoscope-figure attoscope-KIND"}
     * @param rootData    extra {@code data-*} attributes for the root, in order
     */
    String finish(String kind, String title, String description, Map<String, String> rootData) {
        String drawn = g.getSVGElement(null, false, null, null, null);
        if (!drawn.startsWith(ROOT_PREFIX) || !drawn.endsWith("</svg>")) {
            throw new IllegalStateException("JFreeSVG changed its root element; update SvgCanvas.finish");
        }
        String body = drawn.substring(ROOT_PREFIX.length(), drawn.length() - "</svg>".length());
        String w = HalfEvenNumbers.geometry(width);
        String h = HalfEvenNumbers.geometry(height);
        StringBuilder sb = new StringBuilder(body.length() + 512);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"attoscope-figure attoscope-")
                .append(kind).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" width=\"").append(w).append("\" height=\"").append(h).append('"');
        rootData.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(Xml.escape(v)).append('"'));
        sb.append("><title>").append(Xml.escape(title)).append("</title><desc>").append(Xml.escape(description))
                .append("</desc>").append(body).append("</svg>");
        return sb.toString();
    }

    private static Color awt(Rgb c) {
        return new Color(c.red(), c.green(), c.blue());
    }
}
