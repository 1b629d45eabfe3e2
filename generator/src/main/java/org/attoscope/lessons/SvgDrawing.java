package org.attoscope.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attoscope.figures.CellEncoding;
import org.attoscope.figures.CellMarkup;
import org.attoscope.pages.Fragments;

/**
 * The few SVG shapes the lesson-side figures draw by hand, with integer geometry so the output never depends on
 * number formatting; the template fragment {@code figures :: drawing} writes them. Value cells follow
 * {@link CellMarkup}'s layout, so the verifier reads them like the figures package's own.
 */
final class SvgDrawing {
    static final String TEMPLATE = "figures";
    static final String FRAGMENT = "drawing";

    /** A filled box. */
    public record Rect(int x, int y, int width, int height, String fill) {
    }

    /** @param anchor {@code middle} or {@code end}, or null for SVG's default, the start */
    public record Text(int x, int y, int size, String fill, String anchor, boolean bold, String text) {
    }

    /** A value cell: its {@link CellMarkup} attributes, its tooltip, its box and its label. */
    public record Cell(Map<String, String> attributes, String tooltip, Rect box, Text label) {
        public String cssClass() {
            return CellMarkup.CELL_CLASS;
        }
    }

    /** One shape, exactly one of the three set, so the template draws them in the order they were added. */
    public record Shape(Rect rect, Text text, Cell cell) {
    }

    /**
     * The finished drawing, what the template reads.
     *
     * @param provenance the figure's colour scale ({@link CellMarkup#SCALE}, when it has value cells) and its
     *                   source ({@code data-source}), as attributes
     */
    public record Svg(int width, int height, String kind, String title, String description, Map<String, String> provenance,
                      List<Shape> shapes) {
    }

    private final List<Shape> shapes = new ArrayList<>();

    void rect(int x, int y, int w, int h, String fill) {
        shapes.add(new Shape(new Rect(x, y, w, h, fill), null, null));
    }

    void text(int x, int y, int size, String fill, String anchor, boolean bold, String text) {
        shapes.add(new Shape(null, new Text(x, y, size, fill, anchor.equals("start") ? null : anchor, bold, text), null));
    }

    void cell(String tensor, List<Integer> index, CellEncoding cell, String where, int x, int y, int w, int h) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(CellMarkup.TENSOR, tensor);
        attributes.put(CellMarkup.INDEX, CellMarkup.index(index));
        attributes.put(CellMarkup.BITS, cell.bits());
        shapes.add(new Shape(null, null, new Cell(attributes, where + ": " + cell.tooltip(), new Rect(x, y, w, h, cell.fillHex()),
                new Text(x + w / 2, y + h / 2 + 4, 11, cell.labelColourHex(), "middle", false, cell.label()))));
    }

    /** The {@code <svg role="img">} element, written by the site's template. */
    String finish(Fragments fragments, int width, int height, String kind, String title, String desc, String scale, String source) {
        Map<String, String> provenance = new LinkedHashMap<>();
        if (scale != null) {
            provenance.put(CellMarkup.SCALE, scale);
        }
        provenance.put("data-source", source);
        Svg svg = new Svg(width, height, kind, title, desc, provenance, List.copyOf(shapes));
        return fragments.fragment(TEMPLATE, FRAGMENT, Map.of("svg", svg));
    }
}
