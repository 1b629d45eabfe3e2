package org.attoscope.lessons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.attoscope.figures.FigureException;
import org.attoscope.figures.SvgFigure;
import org.attoscope.figures.Captions;

/** What the capture-based directives share: drawing with errors at the directive's line, and provenance. */
final class Figures {

    private Figures() {
    }

    /** Draws a figure; a {@link FigureException} (a value the figure cannot show truthfully) becomes the author's error. */
    static SvgFigure draw(Directive d, Supplier<SvgFigure> drawing) {
        try {
            return drawing.get();
        } catch (FigureException e) {
            throw d.problem(e.problem(), e.fix());
        }
    }

    /** The {@code data-*} attributes naming a captured tensor and its hash lock. */
    static Map<String, String> captureData(CapturedInput input) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("data-capture", input.capture().name());
        data.put("data-tensor", input.tensor().name());
        data.put("data-shape", input.tensor().shape().stream().map(String::valueOf).collect(Collectors.joining(",")));
        data.put("data-dtype", input.dtype().safetensorsName());
        data.put("data-sha256", input.sha256());
        return data;
    }

    /** {@code captured fp16, shown to 6 significant digits}. */
    static String precision(CapturedInput input) {
        return Captions.precision(input.dtype());
    }

    /** The sentence under a figure: capture, tensor, shape, step, what is shown, precision. */
    static String source(CapturedInput input, String shown) {
        return "Capture " + input.capture().name() + ", tensor " + input.tensor().name() + " of shape "
                + input.tensor().shape() + input.step().map(s -> ", step " + s).orElse("") + "; " + shown + "; "
                + precision(input) + ".";
    }

    /** {@code [0, 1, :, :]}: the fixed indices, then a colon for each of a heatmap's two free axes. */
    static String slice(List<Integer> fixed) {
        return Captions.slice(fixed, 2);
    }
}
