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
 * attention-matrix cell, an element with {@code data-q} and {@code data-k} (a shape, or a group of its shape and
 * label) whose tensor is named by the nearest ancestor's {@code data-tensor}, with no tooltip.
 *
 * @param tensor      {@code data-tensor}
 * @param index       {@code data-index}, or empty when it is not a list of integers
 * @param bits        {@code data-bits}
 * @param masked      {@code data-masked="true"}
 * @param integer     {@code data-kind="int"}
 * @param fill        the rectangle's fill, or null
 * @param label       the visible label, or null
 * @param labelColour the label's fill, or null
 * @param tooltip     the {@code <title>} text, or null
 * @param compact     a compact attention-matrix cell, which carries no tooltip (the explorer names it)
 */
record PageCell(String tensor, List<Integer> index, String bits, boolean masked, boolean integer, Srgb fill, String label,
                Srgb labelColour, String tooltip, boolean compact) {

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
        for (Element e : svg.select("[data-q][data-k]")) {
            Element shape = e.tagName().equals("g") ? e.selectFirst("rect, path") : e;
            Element text = e.selectFirst("text");
            List<Integer> index = new ArrayList<>();
            for (String part : new String[] {e.attr("data-q"), e.attr("data-k")}) {
                if (!part.strip().matches("\\d{1,9}")) {
                    index.clear();
                    break;
                }
                index.add(Integer.valueOf(part.strip()));
            }
            Element named = e.closest("[data-tensor]");
            out.add(new PageCell(named == null ? "" : named.attr("data-tensor"), index, e.attr("data-bits"), false, false,
                    shape == null ? null : fill(shape), text == null ? null : text.text(), text == null ? null : fill(text),
                    null, true));
        }
        return out;
    }

    private static Srgb fill(Element e) {
        if (e.hasAttr("fill")) {
            return Srgb.parse(e.attr("fill"));
        }
        Matcher m = STYLE_FILL.matcher(e.attr("style"));
        return m.find() ? Srgb.parse(m.group(1)) : null;
    }
}
