package org.attoscope.lessons;

import java.util.List;
import org.attoscope.figures.SvgFigure;
import org.attoscope.pages.Fragments;

/** A row of tokens, wrapped to a width, each a box with its word, its position, and its id underneath. */
final class TokenStrip {
    private static final int PAD = 12;
    private static final int MAX_WIDTH = 900;
    private static final int BOX_H = 30;
    private static final int ROW_H = 78;
    private static final int GAP = 6;
    /** Average glyph advance in ems, generous, as the figures package estimates text without font metrics. */
    private static final double CHAR_EM = 0.62;

    /**
     * @param word    the vocabulary word the model reads
     * @param id      its id
     * @param written for an unknown word, what the text had there; else null
     */
    record Item(String word, int id, String written) {
    }

    private TokenStrip() {
    }

    static SvgFigure render(Fragments fragments, List<Item> items, String source) {
        SvgDrawing svg = new SvgDrawing();
        int x = PAD;
        int y = PAD;
        int widest = 0;
        StringBuilder desc = new StringBuilder(items.size() + " tokens: ");
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            int w = Math.max(width(item.word(), 13), Math.max(width(Integer.toString(item.id()), 11),
                    item.written() == null ? 0 : width(item.written(), 10))) + 16;
            if (x + w > MAX_WIDTH - PAD && x > PAD) {
                x = PAD;
                y += ROW_H;
            }
            svg.text(x + w / 2, y + 10, 10, "#555555", "middle", false, item.written() == null
                    ? Integer.toString(i) : i + " “" + item.written() + "”");
            boolean special = item.word().startsWith("<");
            svg.rect(x, y + 16, w, BOX_H, special ? "#efece5" : "#e8eef7");
            svg.text(x + w / 2, y + 16 + 20, 13, "#1b1e24", "middle", !special, item.word());
            svg.text(x + w / 2, y + 16 + BOX_H + 15, 11, "#4a515c", "middle", false, Integer.toString(item.id()));
            x += w + GAP;
            widest = Math.max(widest, x);
            desc.append(i == 0 ? "" : ", ").append(item.word()).append(" (id ").append(item.id())
                    .append(item.written() == null ? "" : ", written “" + item.written() + "”").append(')');
        }
        int width = Math.max(widest + PAD - GAP, 240);
        int height = y + ROW_H;
        String title = "Tokens and their ids (" + items.size() + ")";
        return new SvgFigure(svg.finish(fragments, width, height, "attoscope-tokens", title, desc.append('.').toString(), null,
                source), title, desc.toString(), 0, List.of());
    }

    private static int width(String text, int size) {
        return (int) Math.ceil(text.codePointCount(0, text.length()) * CHAR_EM * size);
    }
}
