package org.attoscope.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.attoscope.verify.audit.PlainPoint;
import org.attoscope.verify.audit.Tolerances;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Checks what an explorer page shows as text without any script, against the verifier's own forward pass: the
 * token strip, and the panel the server renders for the point the page opens on ({@code #explorer}'s {@code data-initial}; its token, the actual next token with
 * rank and probability, the listed predictions with their percentages, what each head read, the window sentence).
 * Percentages are the independent probability to one decimal, within that rounding and float tolerance.
 */
final class PanelCheck {
    private static final double PERCENT_ROUNDING = 0.05 + 100 * Tolerances.PROB;

    private PanelCheck() {
    }

    static List<Finding> check(String file, Document page, AuditedStories.Audited story, IntFunction<String> words, int unkId, int topn) {
        List<Finding> out = new ArrayList<>();
        int[] ids = story.ids();
        Elements cells = page.select("#strip .tok");
        if (cells.size() != ids.length) {
            out.add(finding(file, "the token strip shows " + cells.size() + " tokens, the text has " + ids.length));
            return out;
        }
        List<String> display = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            Element cell = cells.get(i);
            // the token is the cell's own text; the punctuation skipped before it and an unknown word's source are children
            String tk = cell.ownText().strip();
            String word = words.apply(ids[i]);
            if (!cell.attr("data-pos").equals(Integer.toString(i)) || !tk.equals(word)) {
                out.add(finding(file, "strip token " + i + " shows \"" + tk + "\" (data-pos " + cell.attr("data-pos")
                        + "), the text's token there is \"" + word + "\""));
                return out;
            }
            String shown = cell.attr("data-display");
            if (ids[i] != unkId && !shown.equals(word)) {
                out.add(finding(file, "strip token " + i + " reads \"" + shown + "\" in lists, but it is \"" + word + "\""));
            }
            display.add(shown);
        }
        Element count = page.selectFirst(".page-head .chips li");
        if (count != null && !count.text().equals(ids.length + " tokens")) {
            out.add(finding(file, "the page says \"" + count.text() + "\", the explorer covers " + ids.length + " tokens"));
        }
        Element explorer = page.getElementById("explorer");
        String initial = explorer == null ? "" : explorer.attr("data-initial");
        if (!initial.matches("\\d{1,9}") || Integer.parseInt(initial) >= ids.length) {
            out.add(finding(file, "the explorer names no point it opens on (#explorer data-initial \"" + initial + "\")"));
            return out;
        }
        PlainPoint p = story.points().get(Integer.parseInt(initial));
        Element panel = page.getElementById("panel");
        if (panel == null) {
            out.add(finding(file, "the explorer has no panel (#panel) for the point it opens on"));
            return out;
        }
        expectText(file, panel, "[data-field=focus]", Integer.toString(p.focus()), "the panel's token number", out);
        expectText(file, panel, "[data-field=token]", display.get(p.focus()), "the panel's token", out);
        String window = text(panel.selectFirst("[data-field=window]"));
        if (!window.contains("tokens " + p.contextStart() + "\u2013" + p.focus())) {
            out.add(finding(file, "the panel says \"" + window + "\"; the window of point " + p.focus() + " is tokens "
                    + p.contextStart() + "\u2013" + p.focus()));
        }
        predictions(file, panel, p, topn, words, out);
        heads(file, panel, p, display, out);
        return out;
    }

    private static void predictions(String file, Element panel, PlainPoint p, int topn, IntFunction<String> words,
                                    List<Finding> out) {
        Elements items = panel.select("ol.preds li");
        String shownAttr = panel.ownerDocument().select("#explorer").attr("data-shown");
        int shown = shownAttr.matches("\\d{1,4}") ? Integer.parseInt(shownAttr) : items.size();
        int expected = Math.min(shown, Math.min(topn, p.top().size()));
        if (items.size() != expected) {
            out.add(finding(file, "the panel lists " + items.size() + " predictions, " + expected + " expected"));
            return;
        }
        Map<String, PlainPoint.Candidate> byWord = new HashMap<>();
        p.top().forEach(c -> byWord.putIfAbsent(words.apply(c.id()), c));
        for (int i = 0; i < items.size(); i++) {
            Element li = items.get(i);
            String token = text(li.selectFirst(".pred-tok"));
            PlainPoint.Candidate c = byWord.get(token);
            String where = "prediction " + (i + 1) + " \"" + token + "\"";
            if (c == null || Math.abs(c.prob() - p.top().get(i).prob()) > Tolerances.TIE) {
                out.add(finding(file, "the panel's " + where + " is not rank " + (i + 1) + " of an independent forward pass, which is \""
                        + words.apply(p.top().get(i).id()) + "\""));
                continue;
            }
            percent(file, "the panel's " + where, text(li.selectFirst(".pred-pct")), c.prob(), out);
            boolean actual = p.next() != null && p.next().id() == c.id();
            if (li.hasClass("is-actual") != actual) {
                out.add(finding(file, "the panel's " + where + (actual ? " is the actual next token but is not marked so" : " is marked the actual next token")));
            }
        }
    }

    private static void heads(String file, Element panel, PlainPoint p, List<String> display, List<Finding> out) {
        for (int h = 0; h < p.heads().size(); h++) {
            Element block = panel.selectFirst(".head-reads.h" + h);
            if (block == null) {
                out.add(finding(file, "the panel does not show what head " + h + " read"));
                continue;
            }
            Elements items = block.select("li");
            List<PlainPoint.Link> links = p.heads().get(h);
            if (items.size() != links.size() && p.margins()[h] >= Tolerances.TIE) {
                out.add(finding(file, "the panel lists " + items.size() + " tokens head " + h + " read; it keeps " + links.size()));
                continue;
            }
            Map<Integer, Double> bySource = new HashMap<>();
            links.forEach(l -> bySource.put(l.source(), l.weight()));
            for (Element li : items) {
                String at = text(li.selectFirst(".at"));
                Integer source = at.matches("#\\d{1,9}") ? Integer.valueOf(at.substring(1)) : null;
                Double w = source == null ? null : bySource.get(source);
                if (w == null) {
                    if (p.margins()[h] >= Tolerances.TIE) {
                        out.add(finding(file, "the panel says head " + h + " read " + at + ", which an independent forward pass does not keep"));
                    }
                    continue;
                }
                if (!text(li.selectFirst(".tokname")).equals(display.get(source))) {
                    out.add(finding(file, "the panel names head " + h + "'s source " + at + " \"" + text(li.selectFirst(".tokname"))
                            + "\"; the token there is \"" + display.get(source) + "\""));
                }
                percent(file, "head " + h + "'s weight on " + at, text(li.selectFirst(".pct")), w, out);
            }
        }
    }

    private static void percent(String file, String what, String shown, double prob, List<Finding> out) {
        BigDecimal value = shown.matches("\\d{1,3}\\.\\d%") ? new BigDecimal(shown.substring(0, shown.length() - 1)) : null;
        if (value == null || Math.abs(value.doubleValue() - prob * 100) > PERCENT_ROUNDING) {
            out.add(finding(file, what + " shows \"" + shown + "\", an independent forward pass gives " + prob * 100 + "%"));
        }
    }

    private static void expectText(String file, Element panel, String selector, String expected, String what, List<Finding> out) {
        String shown = text(panel.selectFirst(selector));
        if (!shown.equals(expected)) {
            out.add(finding(file, what + " is \"" + shown + "\", \"" + expected + "\" expected"));
        }
    }

    private static String text(Element e) {
        return e == null ? "" : e.text();
    }

    private static Finding finding(String file, String problem) {
        return new Finding(file, "explorer panel", "", problem);
    }
}
