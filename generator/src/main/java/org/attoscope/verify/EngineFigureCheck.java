package org.attoscope.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attoscope.figures.CellEncoder;
import org.attoscope.figures.ColorScale;
import org.attoscope.figures.DrawnCell;
import org.attoscope.figures.FigureException;
import org.attoscope.figures.ValueKind;
import org.attoscope.figures.ValueLabels;
import org.attoscope.trace.AttentionLink;
import org.attoscope.trace.NextToken;
import org.attoscope.trace.PredictionPoint;
import org.jsoup.nodes.Element;

/**
 * Checks a figure drawn from engine output over a story ({@code attention-matrix}, a lesson's {@code point},
 * {@code surprise}) against a fresh engine run of that story from the content folder. An attention matrix must show
 * exactly the nonzero links of its head, a point figure those of every head at its point, each cell encoded from the
 * engine's float32 weight; a surprise strip must carry, per position, exactly {@code -ln p} of the token that
 * follows (or "excluded").
 */
final class EngineFigureCheck {
    static final Set<String> KINDS = Set.of("attention-matrix", "point", "surprise");
    private static final Pattern HEAD_TENSOR = Pattern.compile("points\\.heads\\[(\\d{1,4})]");

    private final FreshTraces fresh;

    EngineFigureCheck(FreshTraces fresh) {
        this.fresh = fresh;
    }

    FigureOutcome check(String file, FigureOnPage figure) {
        List<DrawnCell> cells = figure.cells();
        String name = figure.describe(cells);
        CellVerdicts verdicts = new CellVerdicts(file, name, figure.kind());
        FreshTraces.Fresh story = fresh.get(figure.source());
        List<TensorUsed> used = new ArrayList<>();
        if (story == null) {
            verdicts.figure("names story \"" + figure.source() + "\", which the content folder does not have");
        } else if (figure.kind().equals("attention-matrix")) {
            int n = story.trace().tokens().size();
            int count = attention(figure, cells, story, verdicts);
            used.add(new TensorUsed(story.story().slug(), figure.tensor(), List.of(n, n), "F32", story.sha256(), count));
        } else if (figure.kind().equals("point")) {
            int n = story.trace().tokens().size();
            int heads = story.trace().points().get(0).heads().size();
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
     * {@code points.heads[H]}, and its query and key in its index; the figure must show exactly the nonzero links
     * of those heads at those points.
     */
    private static int attention(FigureOnPage figure, List<DrawnCell> cells, FreshTraces.Fresh story, CellVerdicts verdicts) {
        ColorScale scale = CaptureFigureCheck.scale(figure, verdicts);
        boolean matrix = figure.kind().equals("attention-matrix");
        Integer rootHead = matrix ? parseInt(figure.svg().attr("data-head")) : null;
        if (matrix && rootHead == null) {
            verdicts.figure("has no data-head naming the attention head it shows");
            return 0;
        }
        Set<Integer> queries = new TreeSet<>();
        cells.forEach(c -> queries.add(c.index().isEmpty() ? -1 : c.index().get(0)));
        if (!matrix && queries.size() > 1) {
            verdicts.figure("a point figure shows the queries " + queries + "; it shows one prediction point");
        }
        Map<List<Integer>, Float> expected = new LinkedHashMap<>();
        for (PredictionPoint p : story.trace().points()) {
            if (!matrix && !queries.contains(p.focus())) {
                continue;
            }
            for (int h = 0; h < p.heads().size(); h++) {
                if (matrix && h != rootHead) {
                    continue;
                }
                for (AttentionLink link : p.heads().get(h)) {
                    // The trace widens the engine's float32 weight to double; narrowing it back is exact.
                    expected.put(List.of(h, p.focus(), link.source()), (float) link.weight());
                }
            }
        }
        if (matrix && (rootHead < 0 || rootHead >= story.trace().points().get(0).heads().size())) {
            verdicts.figure("shows head " + rootHead + ", which the model does not have");
            return 0;
        }
        if (scale == null) {
            return 0;
        }
        for (DrawnCell cell : cells) {
            Integer head = headOf(cell.tensor());
            if (head == null || cell.index().size() != 2 || (matrix && !head.equals(rootHead))) {
                verdicts.unchecked(cell, "tensor \"" + cell.tensor() + "\" index " + cell.index() + " is not a weight of "
                        + (matrix ? "points.heads[" + rootHead + "]" : "points.heads[H]") + " at [query, key]");
                continue;
            }
            Float weight = expected.remove(List.of(head, cell.index().get(0), cell.index().get(1)));
            if (weight == null) {
                verdicts.unchecked(cell, "the page shows a weight (bits " + cell.bits() + ") where a fresh engine run of "
                        + story.story().slug() + " has no link for head " + head);
                continue;
            }
            try {
                verdicts.compare(cell, CellEncoder.encode(weight, scale, ValueKind.FLOAT), "a fresh engine run");
            } catch (FigureException e) {
                verdicts.unchecked(cell, "the engine's weight " + weight + " cannot be drawn: " + e.problem());
            }
        }
        expected.forEach((hqk, weight) -> verdicts.figure("cell (" + hqk.get(1) + "," + hqk.get(2) + ") of head " + hqk.get(0)
                + " is missing: a fresh engine run gives weight " + ValueLabels.exact(weight) + " there"));
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

    private static int surprise(FigureOnPage figure, FreshTraces.Fresh story, CellVerdicts verdicts) {
        Map<Integer, PredictionPoint> points = new LinkedHashMap<>();
        for (PredictionPoint p : story.trace().points()) {
            if (p.next() != null) {
                points.put(p.focus(), p);
            }
        }
        int checked = 0;
        for (Element mark : figure.svg().select(".mark")) {
            checked++;
            verdicts.counted();
            String position = mark.attr("data-position");
            PredictionPoint p = position.matches("\\d{1,9}") ? points.remove(Integer.parseInt(position)) : null;
            if (p == null) {
                verdicts.figure("mark at position \"" + position + "\": a fresh engine run has no next token there");
                continue;
            }
            NextToken next = p.next();
            boolean excluded = next.rank() == null;
            String expected = excluded ? "excluded" : Double.toString(next.surprise());
            String shown = mark.attr("data-surprise");
            if (!expected.equals(shown)) {
                verdicts.figure("mark at position " + position + ": surprise " + shown + " on the page, " + expected + " from a fresh engine run");
                continue;
            }
            Element title = mark.selectFirst("title");
            String tooltip = title == null ? "" : title.text();
            String phrase = excluded ? "excluded from predictions" : "-ln p " + ValueLabels.APPROX + " "
                    + ValueLabels.label((float) next.surprise(), ValueKind.FLOAT).substring(ValueLabels.APPROX.length()) + " nats";
            if (!tooltip.contains(phrase)) {
                verdicts.figure("mark at position " + position + ": tooltip \"" + tooltip + "\" does not say \"" + phrase + "\"");
            }
        }
        points.keySet().forEach(pos -> verdicts.figure("mark at position " + pos + " is missing: the story has a next token there"));
        return checked;
    }
}
