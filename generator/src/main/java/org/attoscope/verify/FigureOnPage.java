package org.attoscope.verify;

import java.util.Arrays;
import java.util.List;
import org.attoscope.figures.CellMarkup;
import org.jsoup.nodes.Element;

/**
 * One {@code <svg class="attoscope-figure attoscope-KIND">} as the HTML5 parser read it from a page.
 *
 * @param number its place among the page's figures, from 1
 * @param kind   {@code heatmap}, {@code cells}, {@code logits}, {@code attention-matrix}, {@code surprise}, ...
 * @param svg    the element
 */
record FigureOnPage(int number, String kind, Element svg) {

    static final String FIGURE_CLASS = "attoscope-figure";

    static FigureOnPage of(int number, Element svg) {
        String kind = svg.classNames().stream().filter(c -> c.startsWith("attoscope-") && !c.equals(FIGURE_CLASS))
                .map(c -> c.substring("attoscope-".length())).findFirst().orElse("");
        return new FigureOnPage(number, kind, svg);
    }

    String source() {
        return svg.attr("data-source");
    }

    String tensor() {
        return svg.attr(CellMarkup.TENSOR);
    }

    String scaleId() {
        return svg.attr(CellMarkup.SCALE);
    }

    String title() {
        Element t = svg.selectFirst("> title");
        return t == null ? "" : t.text();
    }

    /** Its value-carrying cells, read by the verifier itself (not with the figures' reader). */
    List<PageCell> cells() {
        return PageCell.read(svg);
    }

    /** {@code figure 2 (once-upon step00.attention_00 [0, 1, :, :])}: how findings name it. */
    String describe(List<PageCell> cells) {
        StringBuilder what = new StringBuilder();
        append(what, source());
        append(what, tensor());
        if (svg.hasAttr("data-head")) {
            append(what, "head " + svg.attr("data-head"));
        } else if (kind.equals("heatmap") && !cells.isEmpty() && cells.get(0).index().size() >= 2) {
            List<Integer> index = cells.get(0).index();
            StringBuilder slice = new StringBuilder("[");
            for (int i = 0; i < index.size() - 2; i++) {
                slice.append(index.get(i)).append(", ");
            }
            append(what, slice.append(":, :]").toString());
        }
        if (what.length() == 0) {
            append(what, kind.isEmpty() ? "unnamed" : kind);
        }
        return "figure " + number + " (" + what + ")";
    }

    /** {@code cell (3,1)} for a query/key cell, {@code cell [0, 17]} otherwise. */
    static String cellName(String kind, PageCell cell) {
        List<Integer> index = cell.index();
        if ((kind.equals("heatmap") || kind.equals("attention-matrix") || kind.equals("point")) && index.size() >= 2) {
            String qk = "cell (" + index.get(index.size() - 2) + "," + index.get(index.size() - 1) + ")";
            return kind.equals("point") ? qk + " of " + cell.tensor() : qk;
        }
        return "cell " + Arrays.toString(index.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void append(StringBuilder sb, String part) {
        if (part != null && !part.isEmpty()) {
            sb.append(sb.length() == 0 ? "" : " ").append(part);
        }
    }
}
