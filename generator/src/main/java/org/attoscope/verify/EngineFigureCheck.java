package org.attoscope.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attoscope.verify.audit.AuditLabels;
import org.attoscope.verify.audit.AuditScale;
import org.attoscope.verify.audit.PlainPoint;
import org.attoscope.verify.audit.Tolerances;
import org.jsoup.nodes.Element;

/**
 * Checks a figure drawn from engine output over a story ({@code attention-matrix}, a lesson's {@code point},
 * {@code surprise}) against the verifier's own forward pass over that story ({@link AuditedStories}), never the
 * engine. An attention matrix must show exactly the nonzero links of its head, a point figure those of every head at
 * its point, each weight within tolerance of the independent one and drawn (fill, label, contrast, tooltip) as the
 * verifier's own encoding of the value the cell carries; a surprise strip must carry, per position, {@code -ln p} of
 * the token that follows (or "excluded") within tolerance, and a tooltip it carries that number by the label rules.
 */
final class EngineFigureCheck {
    static final Set<String> KINDS = Set.of("attention-matrix", "point", "surprise");
    private static final Pattern HEAD_TENSOR = Pattern.compile("points\\.heads\\[(\\d{1,4})]");
    private static final String SOURCE = "an independent forward pass";

    private final AuditedStories stories;

    EngineFigureCheck(AuditedStories stories) {
        this.stories = stories;
    }

    FigureOutcome check(String file, FigureOnPage figure) {
        List<PageCell> cells = figure.cells();
        String name = figure.describe(cells);
        CellVerdicts verdicts = new CellVerdicts(file, name, figure.kind());
        AuditedStories.Audited story = stories.get(figure.source());
        List<TensorUsed> used = new ArrayList<>();
        if (story == null) {
            verdicts.figure("names story \"" + figure.source() + "\", which the content folder does not have");
        } else if (figure.kind().equals("attention-matrix")) {
            int n = story.ids().length;
            int count = attention(figure, cells, story, verdicts);
            used.add(new TensorUsed(story.story().slug(), figure.tensor(), List.of(n, n), "F32", story.sha256(), count));
        } else if (figure.kind().equals("point")) {
            int n = story.ids().length;
            int heads = story.points().get(0).heads().size();
            int count = attention(figure, cells, story, verdicts);
            used.add(new TensorUsed(story.story().slug(), "points.heads", List.of(heads, n, n), "F32", story.sha256(), count));
        } else {
            int count = surprise(figure, story, verdicts);
            used.add(new TensorUsed(story.story().slug(), "next-token surprise (-ln p)", List.of(count), "F64", story.sha256(), count));
        }
        return new FigureOutcome(new FigureReport(figure.number(), figure.kind(), figure.title(), figure.scaleId(),
                verdicts.checked(), verdicts.contrastMin(), used), verdicts.findings());
    }

    /**
     * The weights of an attention matrix (one head, every point of the story; the head is the root's
     * {@code data-head}) or of a point figure (every head, one point). Each cell names its head in its tensor,
     * {@code points.heads[H]}, and its query and key in its index.
     */
    private static int attention(FigureOnPage figure, List<PageCell> cells, AuditedStories.Audited story, CellVerdicts verdicts) {
        AuditScale scale = CaptureFigureCheck.scale(figure, verdicts);
        boolean matrix = figure.kind().equals("attention-matrix");
        Integer rootHead = matrix ? parseInt(figure.svg().attr("data-head")) : null;
        if (matrix && rootHead == null) {
            verdicts.figure("has no data-head naming the attention head it shows");
            return 0;
        }
        int heads = story.points().get(0).heads().size();
        if (matrix && (rootHead < 0 || rootHead >= heads)) {
            verdicts.figure("shows head " + rootHead + ", which the model does not have");
            return 0;
        }
        Set<Integer> queries = new TreeSet<>();
        cells.forEach(c -> queries.add(c.index().isEmpty() ? -1 : c.index().get(0)));
        if (!matrix && queries.size() > 1) {
            verdicts.figure("a point figure shows the queries " + queries + "; it shows one prediction point");
        }
        Map<List<Integer>, Double> expected = new LinkedHashMap<>();
        Map<List<Integer>, Double> margins = new LinkedHashMap<>();
        for (PlainPoint p : story.points()) {
            if (!matrix && !queries.contains(p.focus())) {
                continue;
            }
            for (int h = 0; h < p.heads().size(); h++) {
                if (matrix && h != rootHead) {
                    continue;
                }
                for (PlainPoint.Link link : p.heads().get(h)) {
                    expected.put(List.of(h, p.focus(), link.source()), link.weight());
                    margins.put(List.of(h, p.focus()), p.margins()[h]);
                }
            }
        }
        if (scale == null) {
            return 0;
        }
        for (PageCell cell : cells) {
            Integer head = headOf(cell.tensor());
            if (head == null || cell.index().size() != 2 || (matrix && !head.equals(rootHead))) {
                verdicts.unchecked(cell, "tensor \"" + cell.tensor() + "\" index " + cell.index() + " is not a weight of "
                        + (matrix ? "points.heads[" + rootHead + "]" : "points.heads[H]") + " at [query, key]");
                continue;
            }
            Float shown = cell.value();
            if (shown == null) {
                verdicts.unchecked(cell, "data-bits \"" + cell.bits() + "\" are not a float32's 8 hex digits");
                continue;
            }
            Double weight = expected.remove(List.of(head, cell.index().get(0), cell.index().get(1)));
            if (weight == null) {
                Double margin = margins.get(List.of(head, cell.index().get(0)));
                if (margin == null || margin >= Tolerances.TIE) {
                    verdicts.unchecked(cell, "the page shows weight " + AuditLabels.shortest(shown) + " where " + SOURCE + " over "
                            + story.story().slug() + " keeps no link for head " + head);
                    continue;
                }
            } else if (Math.abs(weight - shown) > Tolerances.PROB) {
                verdicts.cell(cell, "weight " + AuditLabels.shortest(shown) + " on the page, " + weight + " from " + SOURCE);
            }
            verdicts.compare(cell, shown, scale, false, "the cell's own bits");
        }
        expected.forEach((hqk, weight) -> {
            if (margins.getOrDefault(List.of(hqk.get(0), hqk.get(1)), Double.POSITIVE_INFINITY) >= Tolerances.TIE) {
                verdicts.figure("cell (" + hqk.get(1) + "," + hqk.get(2) + ") of head " + hqk.get(0) + " is missing: " + SOURCE
                        + " gives weight " + weight + " there");
            }
        });
        return cells.size();
    }

    private static Integer headOf(String tensor) {
        Matcher m = HEAD_TENSOR.matcher(tensor);
        return m.matches() ? parseInt(m.group(1)) : null;
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int surprise(FigureOnPage figure, AuditedStories.Audited story, CellVerdicts verdicts) {
        Map<Integer, PlainPoint> points = new LinkedHashMap<>();
        for (PlainPoint p : story.points()) {
            if (p.next() != null) {
                points.put(p.focus(), p);
            }
        }
        int checked = 0;
        for (Element mark : figure.svg().select(".mark")) {
            checked++;
            verdicts.counted();
            String position = mark.attr("data-position");
            PlainPoint p = position.matches("\\d{1,9}") ? points.remove(Integer.parseInt(position)) : null;
            if (p == null) {
                verdicts.figure("mark at position \"" + position + "\": " + SOURCE + " has no next token there");
                continue;
            }
            PlainPoint.Judged next = p.next();
            boolean excluded = next.rank() == null;
            String shown = mark.attr("data-surprise");
            String phrase;
            if (excluded) {
                if (!shown.equals("excluded")) {
                    verdicts.figure("mark at position " + position + ": surprise " + shown + " on the page, but the next token is one "
                            + "predictions leave out (\"excluded\")");
                    continue;
                }
                phrase = "excluded from predictions";
            } else {
                double s;
                try {
                    s = Double.parseDouble(shown);
                } catch (NumberFormatException e) {
                    verdicts.figure("mark at position " + position + ": surprise \"" + shown + "\" is not a number");
                    continue;
                }
                double expected = -Math.log(next.prob());
                if (!(Math.abs(s - expected) <= Tolerances.LOGIT)) {
                    verdicts.figure("mark at position " + position + ": surprise " + shown + " on the page, " + expected + " from " + SOURCE);
                    continue;
                }
                String label = AuditLabels.ofFloat((float) s);
                phrase = "-ln p " + AuditLabels.APPROX + " " + (label.startsWith(AuditLabels.APPROX) ? label.substring(1) : label) + " nats";
            }
            // a mark need not carry a tooltip (the explorer's readout names it); one it carries must be right
            Element title = mark.selectFirst("title");
            String tooltip = title == null ? null : title.text();
            if (tooltip != null && !tooltip.contains(phrase)) {
                verdicts.figure("mark at position " + position + ": tooltip \"" + tooltip + "\" does not say \"" + phrase + "\"");
            }
        }
        points.keySet().forEach(pos -> verdicts.figure("mark at position " + pos + " is missing: the story has a next token there"));
        return checked;
    }
}
