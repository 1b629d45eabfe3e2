package org.attoscope.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attoscope.figures.Argmax;
import org.attoscope.figures.FigureException;
import org.attoscope.figures.LogitsFigure;
import org.attoscope.figures.LogitsVector;

/**
 * {@code logits capture=NAME tensor=TENSOR [top=N]}: the N largest logits (default 10) of a [1, V] or [V] tensor,
 * largest first, and the exact argmax, which for an attoscope capture is the token greedy decoding chose.
 * Words come from the loaded model's vocabulary only when the capture was made with that model.
 */
final class LogitsDirective implements FigureDirective {
    static final int DEFAULT_TOP = 10;
    static final int MAX_TOP = 40;

    @Override
    public String name() {
        return "logits";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("capture", "tensor", "top", "caption");
    }

    @Override
    public LessonFigure render(Directive d, LessonSources sources) {
        CapturedInput input = CapturedInput.of(d, sources);
        var tensor = input.tensor();
        List<Integer> leading = input.leadingShape(1);
        if (tensor.rank() < 1 || leading.stream().anyMatch(n -> n != 1)) {
            throw d.problem(tensor.name() + " has shape " + tensor.shape() + ", not one vector of logits.",
                    "use logits on a [1, V] or [V] tensor, such as step00.logits_last.");
        }
        int size = tensor.shape().get(tensor.rank() - 1);
        int top = d.integer("top", d.optional("top", Integer.toString(Math.min(DEFAULT_TOP, size))), 1,
                Math.min(MAX_TOP, size), "a figure shows 1 to " + Math.min(MAX_TOP, size) + " rows");
        var tokenizer = sources.bundle().tokenizer();
        boolean words = input.hasTokens() && size == tokenizer.size();
        List<String> vocabulary = new ArrayList<>(size);
        for (int id = 0; id < size; id++) {
            vocabulary.add(words ? tokenizer.word(id) : "·");
        }
        List<Integer> index = leading.stream().map(n -> 0).toList();
        float[] logits = tensor.values();
        LogitsVector vector;
        try {
            vector = new LogitsVector(input.capture().name(), tensor.name(), tensor.shape(), index, logits, vocabulary,
                    input.dtype());
        } catch (FigureException e) {
            throw d.problem(e.problem(), e.fix());
        }
        var svg = Figures.draw(d, () -> LogitsFigure.render(vector, top));
        int argmax = Argmax.of(logits);
        Map<String, String> data = Figures.captureData(input);
        data.put("data-argmax", Integer.toString(argmax));
        String chosen = words ? "the exact argmax is “" + tokenizer.word(argmax) + "” (id " + argmax + ")"
                : "the exact argmax is id " + argmax + " (words shown as · : this capture is not from the loaded model)";
        return new LessonFigure(d, svg, Figures.source(input, "the top " + top + " of " + size + " logits; " + chosen),
                data);
    }
}
