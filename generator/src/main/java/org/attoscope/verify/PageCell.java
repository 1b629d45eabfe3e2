package org.attoscope.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attoscope.verify.audit.Srgb;
import org.jsoup.nodes.Element;

/**
 * A value cell as a page shows it, read by the verifier itself from the parsed HTML (not with the figures'
 * reader): the {@code g.cell} group's attributes, its rectangle's fill, its label and its tooltip; or a compact
 * attention-matrix cell, any other element with {@code data-bits} (a stroke, or a group of its stroke and label)
 * whose tensor is named by the nearest ancestor's {@code data-tensor}, whose query and key are where it is drawn
 * (a stroke one unit long from (key * unit, query * unit), the unit 1 or the figure's {@code data-cell}), with no
 * tooltip.
 *
 * @param tensor      {@code data-tensor}
 * @param index       {@code data-index} (a compact cell's [query, key] from its geometry), or empty when it is not
 *                    a list of integers
 * @param bits        {@code data-bits}
 * @param masked      {@code data-masked="true"}
 * @param integer     {@code data-kind="int"}
 * @param fill        the rectangle's fill (a compact cell's stroke), or null
 * @param label       the visible label, or null
 * @param labelColour the label's fill, or null
 * @param tooltip     the {@code <title>} text, or null
 * @param compact     a compact attention-matrix cell, which carries no tooltip (the explorer names it)
 */
record PageCell(String tensor, List<Integer> index, String bits, boolean masked, boolean integer, Srgb fill, String label,
                Srgb labelColour, String tooltip, boolean compact) {

    private static final Pattern STROKE_CELL = Pattern.compile("M(\\d{1,7}) (\\d{1,7})h(\\d{1,4})");
    private static final Pattern STYLE_FILL = Pattern.compile("(?:^|;)\\s*fill:\\s*([^;]+)");

    PageCell {
        index = List.copyOf(index);
    }

    /** The float the cell claims to hold, or null when its bits are not 8 hex digits. */
    Float value() {
        return bits.matches("[0-9a-f]{8}") ? Float.intBitsToFloat(Integer.parseUnsignedInt(bits, 16)) : null;
    }

    /** Every cell of a figure, in document order. */
    static List<PageCell> read(Element svg) {
        List<PageCell> out = new ArrayList<>();
        for (Element g : svg.select("g.cell")) {
            Element rect = g.selectFirst("rect");
            Element text = g.selectFirst("text");
            Element title = g.selectFirst("title");
            List<Integer> index = new ArrayList<>();
            String raw = g.attr("data-index");
            if (!raw.isEmpty()) {
                for (String part : raw.split(",", -1)) {
                    if (!part.strip().matches("\\d{1,9}")) {
                        index.clear();
                        break;
                    }
                    index.add(Integer.valueOf(part.strip()));
                }
            }
            out.add(new PageCell(g.attr("data-tensor"), index, g.attr("data-bits"), "true".equals(g.attr("data-masked")),
                    "int".equals(g.attr("data-kind")), rect == null ? null : fill(rect), text == null ? null : text.text(),
                    text == null ? null : fill(text), title == null ? null : title.text(), false));
        }
        int cell = svg.attr("data-cell").matches("\\d{1,4}") ? Integer.parseInt(svg.attr("data-cell")) : 0;
        for (Element e : svg.select("[data-bits]")) {
            if (e.is("g.cell") || e.closest("g.cell") != null) {
                continue;
            }
            Element shape = e.tagName().equals("g") ? e.selectFirst("path") : e;
            Element text = e.selectFirst("text");
            Element named = e.closest("[data-tensor]");
            out.add(new PageCell(named == null ? "" : named.attr("data-tensor"), drawnAt(shape, cell), e.attr("data-bits"),
                    false, false, shape == null || !shape.hasAttr("stroke") ? null : Srgb.parse(shape.attr("stroke")),
                    text == null ? null : text.text(), text == null ? null : fill(text), null, true));
        }
        return out;
    }

    /**
     * A compact cell's [query, key], read from where it is drawn: a stroke one unit long from (k * unit, q * unit),
     * the unit 1 (a group scaled to cells) or the figure's cell size (a group in pixels); empty when the shape is
     * anything else (which no check accepts).
     */
    private static List<Integer> drawnAt(Element shape, int cell) {
        Matcher m = shape == null ? null : STROKE_CELL.matcher(shape.attr("d"));
        if (m == null || !m.matches()) {
            return List.of();
        }
        int unit = Integer.parseInt(m.group(3));
        int x = Integer.parseInt(m.group(1));
        int y = Integer.parseInt(m.group(2));
        boolean known = unit == 1 || (cell > 0 && unit == cell);
        return known && x % unit == 0 && y % unit == 0 ? List.of(y / unit, x / unit) : List.of();
    }

    private static Srgb fill(Element e) {
        if (e.hasAttr("fill")) {
            return Srgb.parse(e.attr("fill"));
        }
        Matcher m = STYLE_FILL.matcher(e.attr("style"));
        return m.find() ? Srgb.parse(m.group(1)) : null;
    }
}
