package org.attoscope.lessons;

import java.util.List;
import org.attoscope.figures.CellEncoding;
import org.attoscope.figures.CellMarkup;

/**
 * The few SVG elements the lesson-side figures write by hand, escaped, with integer geometry so the output never
 * depends on number formatting. Value cells follow {@link CellMarkup}'s layout, so the verifier reads them like the
 * figures package's own.
 */
final class SvgMarkup {
    private final StringBuilder body = new StringBuilder();

    void rect(int x, int y, int w, int h, String fill) {
        body.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" fill=\"").append(fill).append("\"/>");
    }

    void text(int x, int y, int size, String fill, String anchor, boolean bold, String text) {
        body.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(size)
                .append("\" fill=\"").append(fill).append('"');
        if (!anchor.equals("start")) {
            body.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (bold) {
            body.append(" font-weight=\"bold\"");
        }
        body.append('>').append(Html.escape(text)).append("</text>");
    }

    void cell(String tensor, List<Integer> index, CellEncoding cell, String where, int x, int y, int w, int h) {
        body.append("<g class=\"").append(CellMarkup.CELL_CLASS).append("\" ").append(CellMarkup.TENSOR)
                .append("=\"").append(Html.escape(tensor)).append("\" ").append(CellMarkup.INDEX).append("=\"")
                .append(CellMarkup.index(index)).append("\" ").append(CellMarkup.BITS).append("=\"")
                .append(cell.bits()).append("\"><title>").append(Html.escape(where + ": " + cell.tooltip()))
                .append("</title>");
        rect(x, y, w, h, cell.fillHex());
        text(x + w / 2, y + h / 2 + 4, 11, cell.labelColourHex(), "middle", false, cell.label());
        body.append("</g>");
    }

    String finish(int width, int height, String kind, String title, String desc, String scale, String source) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"attoscope-figure " + kind
                + "\" viewBox=\"0 0 " + width + " " + height + "\" width=\"" + width + "\" height=\"" + height
                + "\" font-family=\"sans-serif\"" + (scale == null ? "" : " " + CellMarkup.SCALE + "=\"" + Html.escape(scale) + "\"")
                + " data-source=\"" + Html.escape(source) + "\"><title>" + Html.escape(title) + "</title><desc>"
                + Html.escape(desc) + "</desc>" + body + "</svg>";
    }
}
