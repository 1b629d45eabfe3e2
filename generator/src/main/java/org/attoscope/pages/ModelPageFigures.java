package org.attoscope.pages;

import java.util.ArrayList;
import java.util.List;
import org.attoscope.content.Story;
import org.attoscope.figures.ArchitectureFigure;
import org.attoscope.figures.ArchitectureSpec;
import org.attoscope.figures.AttentionMatrix;
import org.attoscope.figures.AttentionMatrixFigure;
import org.attoscope.figures.AttentionRow;
import org.attoscope.figures.MathFigure;
import org.attoscope.figures.MathStyle;
import org.attoscope.figures.SurpriseMark;
import org.attoscope.figures.SurpriseStripFigure;
import org.attoscope.figures.SvgFigure;
import org.attoscope.model.ModelBundle;
import org.attoscope.model.ModelConfig;
import org.attoscope.model.TensorSpec;
import org.attoscope.trace.NextToken;
import org.attoscope.trace.PredictionPoint;
import org.attoscope.trace.PromptTrace;

/**
 * The build-time figures of the explorer and explainer pages, drawn from the same trace the page embeds.
 *
 * <p>An explorer's matrix cells name their data as tensor {@code points.heads[H]} of the story's slug, cell (q, k)
 * being the weight query q puts on source k: exactly the link in the embedded points, so the verifier can re-derive
 * every cell from the page's own data and from a fresh engine run.
 */
public final class ModelPageFigures implements PageFigures {

    /** The tensor name an explorer matrix gives its cells for head {@code h}. */
    public static String headTensor(int h) {
        return "points.heads[" + h + "]";
    }

    @Override
    public List<RenderedFigure> storyFigures(Story story, PromptTrace trace) {
        List<RenderedFigure> out = new ArrayList<>();
        int heads = trace.points().isEmpty() ? 0 : trace.points().get(0).heads().size();
        for (int h = 0; h < heads; h++) {
            SvgFigure f = AttentionMatrixFigure.render(matrix(story.slug(), trace, h));
            out.add(new RenderedFigure(f.svg(), "Head " + h + ": every link of the whole story",
                    "Each row is a prediction point, each coloured cell an earlier token that head " + h
                            + " used there, with its weight. Point at a cell, or focus the figure and use the arrow keys, for its"
                            + " exact value; click or Enter selects that point."));
        }
        SvgFigure surprise = SurpriseStripFigure.render(story.slug(), surprise(trace));
        out.add(new RenderedFigure(surprise.svg(), "Surprise across the story",
                "How unexpected each next token was to the model: -ln p of the word that really came next, in nats."));
        return out;
    }

    @Override
    public List<RenderedFigure> explainerFigures(ModelBundle bundle) {
        ModelConfig c = bundle.config();
        List<TensorSpec> tensors = List.copyOf(bundle.tensors().values());
        List<RenderedFigure> out = new ArrayList<>();
        SvgFigure arch = ArchitectureFigure.render(ArchitectureSpec.of(c, tensors));
        out.add(new RenderedFigure(arch.svg(), "The model, drawn from its manifest",
                "Every box and number is read from the bundle's manifest.json at build time."));
        out.add(math("Sparse attention of one head",
                "w_{t} = \\frac{\\exp(s_t)}{\\sum_{u \\in \\mathrm{top}_" + c.topkAttn() + "} \\exp(s_u)}"
                        + " \\quad\\text{for } t \\in \\mathrm{top}_" + c.topkAttn() + ","
                        + " \\qquad s_t = \\frac{q \\cdot k_t}{\\sqrt{" + c.headWidth() + "}}",
                "Only the " + c.topkAttn() + " largest scores of each query survive; the softmax runs over those alone, "
                        + "so every other weight is exactly zero."));
        out.add(math("RMSNorm and the exact GELU",
                "\\mathrm{rms}(x) = \\frac{x \\odot g}{\\sqrt{\\frac{1}{" + c.width() + "}\\sum_i x_i^2 + 10^{-6}}}"
                        + " \\qquad \\mathrm{GELU}(x) = \\frac{x}{2}\\left(1 + \\mathrm{erf}\\frac{x}{\\sqrt{2}}\\right)",
                "Both norms of the block and the final norm scale a row by one number; the MLP uses the error-function GELU."));
        return out;
    }

    private static RenderedFigure math(String title, String latex, String caption) {
        return new RenderedFigure(MathFigure.render(latex, MathStyle.DISPLAY).svg(), title, caption);
    }

    static AttentionMatrix matrix(String slug, PromptTrace trace, int head) {
        List<AttentionRow> rows = new ArrayList<>();
        for (PredictionPoint p : trace.points()) {
            rows.add(AttentionRow.of(p, head));
        }
        return new AttentionMatrix(slug, headTensor(head), head, trace.tokens(), rows);
    }

    static List<SurpriseMark> surprise(PromptTrace trace) {
        List<SurpriseMark> marks = new ArrayList<>();
        for (PredictionPoint p : trace.points()) {
            NextToken next = p.next();
            if (next == null) {
                continue;
            }
            String nextToken = trace.tokens().get(p.focus() + 1);
            boolean excluded = next.rank() == null;
            marks.add(new SurpriseMark(p.focus(), p.token(), nextToken, excluded ? 0 : next.surprise(), excluded));
        }
        return marks;
    }
}
