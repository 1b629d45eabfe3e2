package org.attoscope.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attoscope.capture.Capture;
import org.attoscope.capture.CapturedTensor;
import org.attoscope.capture.Dtype;
import org.attoscope.content.Story;
import org.attoscope.figures.AttentionMatrix;
import org.attoscope.figures.AttentionMatrixFigure;
import org.attoscope.figures.AttentionRow;
import org.attoscope.figures.CellsFigure;
import org.attoscope.figures.HeatmapFigure;
import org.attoscope.figures.LogitsFigure;
import org.attoscope.figures.LogitsVector;
import org.attoscope.figures.SurpriseMark;
import org.attoscope.figures.SurpriseStripFigure;
import org.attoscope.figures.SvgFigure;
import org.attoscope.figures.TensorCell;
import org.attoscope.figures.TensorSlice;
import org.attoscope.figures.ValueKind;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.PageFigures;
import org.attoscope.pages.RenderedFigure;
import org.attoscope.trace.PredictionPoint;
import org.attoscope.trace.PromptTrace;

/**
 * Puts every kind of value-carrying figure on the pages of a test site, drawn with the figures package exactly as
 * the build will: under each explorer, both heads' attention matrices and the surprise strip (engine output); on
 * the explainer page, a heatmap, a few cells and the top logits of the capture {@code tiny-run}.
 */
final class FiguresForTests implements PageFigures {
    static final String CAPTURE = "tiny-run";

    private final Path captures;

    FiguresForTests(Path captures) {
        this.captures = captures;
    }

    @Override
    public List<RenderedFigure> storyFigures(Story story, PromptTrace trace) {
        List<RenderedFigure> out = new ArrayList<>();
        int heads = trace.points().get(0).heads().size();
        for (int h = 0; h < heads; h++) {
            List<AttentionRow> rows = new ArrayList<>();
            for (PredictionPoint p : trace.points()) {
                rows.add(AttentionRow.of(p, h));
            }
            out.add(figure(AttentionMatrixFigure.render(new AttentionMatrix(story.slug(), "points.heads[" + h + "]", h, trace.tokens(), rows))));
        }
        List<SurpriseMark> marks = new ArrayList<>();
        for (PredictionPoint p : trace.points()) {
            if (p.next() != null) {
                marks.add(new SurpriseMark(p.focus(), p.token(), trace.tokens().get(p.focus() + 1), p.next().surprise(),
                        p.next().rank() == null));
            }
        }
        out.add(figure(SurpriseStripFigure.render(story.slug(), marks)));
        return out;
    }

    @Override
    public List<RenderedFigure> explainerFigures(ModelBundle bundle) {
        Capture capture = Capture.load(captures, CAPTURE);
        List<String> tokens = capture.manifest().promptIds().stream().map(id -> bundle.tokenizer().word(id)).toList();
        CapturedTensor attention = capture.tensor("step00.attention_00");
        SvgFigure heatmap = HeatmapFigure.render(TensorSlice.of(CAPTURE, attention.name(), attention.shape(), Dtype.F32,
                attention.values(), List.of(0, 0), tokens, tokens, true));
        CapturedTensor hidden = capture.tensor("step00.hidden_state_00");
        List<TensorCell> cells = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            cells.add(new TensorCell(CAPTURE, hidden.name(), hidden.shape(), Dtype.F32, List.of(0, 1, d), hidden.value(0, 1, d), ValueKind.FLOAT));
        }
        CapturedTensor logits = capture.tensor("step01.logits_last");
        List<String> words = new ArrayList<>();
        for (int id = 0; id < logits.shape().get(1); id++) {
            words.add(bundle.tokenizer().word(id));
        }
        SvgFigure top = LogitsFigure.render(new LogitsVector(CAPTURE, logits.name(), logits.shape(), List.of(0), logits.values(), words, Dtype.F32), 5);
        return List.of(figure(heatmap), figure(CellsFigure.render(cells)), figure(top));
    }

    private static RenderedFigure figure(SvgFigure f) {
        return new RenderedFigure(f.svg(), f.title(), f.description());
    }
}
