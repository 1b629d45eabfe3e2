package org.attoscope.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attoscope.figures.CellEncoder;
import org.attoscope.figures.CellEncoding;
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
 * Checks a figure drawn from engine output over a story ({@code attention-matrix}, {@code surprise}) against a
 * fresh engine run of that story from the content folder. An attention matrix must show exactly the nonzero links
 * of its head, each cell encoded from the engine's float32 weight; a surprise strip must carry, per position,
 * exactly {@code -ln p} of the token that follows (or "excluded").
 */
final class EngineFigureCheck {
    static final Set<String> KINDS = Set.of("attention-matrix", "surprise");

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
        } else {
            int count = surprise(figure, story, verdicts);
            used.add(new TensorUsed(story.story().slug(), "next-token surprise (-ln p)", List.of(count), "F64", story.sha256(), count));
        }
        return new FigureOutcome(new FigureReport(figure.number(), figure.kind(), figure.title(), figure.scaleId(),
                verdicts.checked(), verdicts.contrastMin(), used), verdicts.findings());
    }

    private static int attention(FigureOnPage figure, List<DrawnCell> cells, FreshTraces.Fresh story, CellVerdicts verdicts) {
        ColorScale scale = CaptureFigureCheck.scale(figure, verdicts);
        int head;
        try {
            head = Integer.parseInt(figure.svg().attr("data-head"));
        } catch (NumberFormatException e) {
            verdicts.figure("has no data-head naming the attention head it shows");
            return 0;
        }
        Map<List<Integer>, Float> expected = new LinkedHashMap<>();
        for (PredictionPoint p : story.trace().points()) {
            if (head < 0 || head >= p.heads().size()) {
                verdicts.figure("shows head " + head + ", but the model has " + p.heads().size() + " heads");
                return 0;
            }
            for (AttentionLink link : p.heads().get(head)) {
                // The trace widens the engine's float32 weight to double; narrowing it back is exact.
                expected.put(List.of(p.focus(), link.source()), (float) link.weight());
            }
        }
        if (scale == null) {
            return 0;
        }
        for (DrawnCell cell : cells) {
            Float weight = expected.remove(cell.index());
            if (weight == null) {
                verdicts.unchecked(cell, "the page shows a weight (bits " + cell.bits() + ") where a fresh engine run of "
                        + story.story().slug() + " has no link for head " + head + (cell.index().size() == 2 ? "" : " (index " + cell.index() + ")"));
                continue;
            }
            try {
                CellEncoding encoding = CellEncoder.encode(weight, scale, ValueKind.FLOAT);
                verdicts.compare(cell, encoding, "a fresh engine run");
            } catch (FigureException e) {
                verdicts.unchecked(cell, "the engine's weight " + weight + " cannot be drawn: " + e.problem());
            }
        }
        expected.forEach((index, weight) -> verdicts.figure("cell (" + index.get(0) + "," + index.get(1)
                + ") is missing: a fresh engine run gives head " + head + " weight " + ValueLabels.exact(weight) + " there"));
        return cells.size();
    }

    private static int surprise(FigureOnPage figure, FreshTraces.Fresh story, CellVerdicts verdicts) {
        Map<Integer, PredictionPoint> points = new LinkedHashMap<>();
        for (PredictionPoint p : story.trace().points()) {
            if (p.next() != null) {
                points.put(p.focus(), p);
            }
        }
        int checked = 0;
        for (Element mark : figure.svg().select("g.mark")) {
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
