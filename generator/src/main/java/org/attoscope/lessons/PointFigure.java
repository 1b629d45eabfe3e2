package org.attoscope.lessons;

import java.util.ArrayList;
import java.util.List;
import org.attoscope.capture.Dtype;
import org.attoscope.figures.CellEncoder;
import org.attoscope.figures.CellEncoding;
import org.attoscope.figures.CellMarkup;
import org.attoscope.figures.ColorScale;
import org.attoscope.figures.HeadColours;
import org.attoscope.figures.SvgFigure;
import org.attoscope.figures.TensorUse;
import org.attoscope.figures.ValueKind;
import org.attoscope.pages.Fragments;
import org.attoscope.pages.HalfUpNumbers;
import org.attoscope.trace.AttentionLink;
import org.attoscope.trace.Prediction;
import org.attoscope.trace.PredictionPoint;

/**
 * One prediction point as a static figure: per head, the tokens it read, each with its weight as a value cell in
 * the {@link CellMarkup} layout (bits, tensor {@code points.heads[h]}, index {@code [focus, source]}, the same
 * naming as the figures package's story attention matrix); then the most likely next tokens as bars.
 *
 * <p>The figures package has no figure for one point, so this one is drawn here, by hand, with the figures
 * package's {@link CellEncoder} deciding every cell's fill, label and tooltip.
 */
final class PointFigure {
    private static final int PAD = 12;
    private static final int LABEL_W = 64;
    private static final int CELL_W = 104;
    private static final int CELL_H = 28;
    private static final int GAP = 8;
    private static final int BAR_MAX = 300;
    private static final String INK = "#222222";
    private static final String MUTED = "#555555";

    private PointFigure() {
    }

    static SvgFigure render(Fragments fragments, String story, List<String> tokens, PredictionPoint p, int context, int shown) {
        ColorScale scale = ColorScale.sequential();
        int heads = p.heads().size();
        int widest = p.heads().stream().mapToInt(List::size).max().orElse(0);
        int width = Math.max(PAD * 2 + LABEL_W + widest * (CELL_W + GAP), 560);
        List<Prediction> predictions = p.predictions().subList(0, Math.min(shown, p.predictions().size()));
        int headTop = PAD + 40;
        int headRow = CELL_H + 24;
        int predTop = headTop + heads * headRow + 18;
        int height = predTop + predictions.size() * 22 + PAD + 4;
        SvgDrawing svg = new SvgDrawing();
        String window = "reads positions " + p.contextStart() + "–" + p.focus() + " (window of " + context + ")";
        svg.text(PAD, PAD + 12, 12, INK, "start", true,
                "position " + p.focus() + " “" + tokens.get(p.focus()) + "” " + window);
        svg.text(PAD, PAD + 28, 10, MUTED, "start", false, "each head's nonzero attention weights, largest first");
        int cells = 0;
        for (int h = 0; h < heads; h++) {
            int y = headTop + h * headRow;
            svg.text(PAD, y + 12 + CELL_H / 2, 12, h < 2 ? HeadColours.of(h).hex() : INK, "start", true, "head " + h);
            List<AttentionLink> links = p.heads().get(h);
            for (int j = 0; j < links.size(); j++) {
                AttentionLink link = links.get(j);
                int x = PAD + LABEL_W + j * (CELL_W + GAP);
                String word = link.source() + " " + tokens.get(link.source());
                svg.text(x + CELL_W / 2, y + 10, 10, INK, "middle", false, word);
                CellEncoding cell = CellEncoder.encode((float) link.weight(), scale, ValueKind.FLOAT);
                svg.cell("points.heads[" + h + "]", List.of(p.focus(), link.source()), cell,
                        "head " + h + ", q=" + p.focus() + " “" + tokens.get(p.focus()) + "” → k=" + link.source()
                                + " “" + tokens.get(link.source()) + "”", x, y + 14, CELL_W, CELL_H);
                cells++;
            }
        }
        svg.text(PAD, predTop, 12, INK, "start", true, "next token");
        double best = predictions.isEmpty() ? 1 : predictions.get(0).prob();
        for (int r = 0; r < predictions.size(); r++) {
            Prediction pr = predictions.get(r);
            int y = predTop + 8 + r * 22;
            boolean actual = p.next() != null && p.next().id() == pr.id();
            svg.text(PAD + LABEL_W + 70, y + 13, 11, INK, "end", actual, pr.token());
            int len = (int) Math.max(1, Math.round(BAR_MAX * pr.prob() / best));
            svg.rect(PAD + LABEL_W + 78, y + 3, len, 14, actual ? HeadColours.HEAD_1.hex() : "#8a96ab");
            svg.text(PAD + LABEL_W + 84 + len, y + 14, 11, INK, "start", false,
                    percent(pr.prob()) + (actual ? "  ← what follows in the story" : ""));
        }
        String title = "Story " + story + " at position " + p.focus() + " “" + tokens.get(p.focus()) + "”";
        StringBuilder desc = new StringBuilder("Prediction point " + p.focus() + " of story " + story + ": the model "
                + window + ". ");
        for (int h = 0; h < heads; h++) {
            desc.append("Head ").append(h).append(" reads ");
            List<String> read = new ArrayList<>();
            for (AttentionLink l : p.heads().get(h)) {
                read.add("“" + tokens.get(l.source()) + "” at " + l.source() + " ("
                        + CellEncoder.encode((float) l.weight(), scale, ValueKind.FLOAT).label() + ")");
            }
            desc.append(String.join(", ", read)).append(". ");
        }
        desc.append("Most likely next: ");
        desc.append(String.join(", ", predictions.stream().map(pr -> "“" + pr.token() + "” " + percent(pr.prob())).toList()));
        desc.append(". Engine output fp32, weights shown to 6 significant digits.");
        String markup = svg.finish(fragments, width, height, "attoscope-point", title, desc.toString(), scale.id(), story);
        return new SvgFigure(markup, title, desc.toString(), cells,
                List.of(new TensorUse(story, "points.heads", List.of(heads, tokens.size(), tokens.size()), Dtype.F32, cells)));
    }

    /** As the explorer writes it. */
    private static String percent(double p) {
        return HalfUpNumbers.percent(p);
    }
}
