package org.attoscope.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attoscope.figures.FigureException;
import org.attoscope.figures.HeatmapFigure;
import org.attoscope.figures.TensorSlice;

/**
 * {@code heatmap capture=NAME tensor=TENSOR [head=H]}: every cell of one two-dimensional slice, labelled.
 *
 * <p>The slice is the tensor's last two axes. Leading axes of size 1 (a batch of one) are fixed at 0; one other
 * leading axis, the heads of a [1, H, T, T] attention tensor, is chosen with {@code head=}. A square slice whose
 * every cell above the diagonal is exactly 0 is drawn as causal (those cells grey, as masked): that is what causal
 * attention looks like, and a slice that is not causal keeps all its colours.
 */
final class HeatmapDirective implements FigureDirective {

    @Override
    public String name() {
        return "heatmap";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("capture", "tensor", "head", "caption");
    }

    @Override
    public LessonFigure render(Directive d, LessonSources sources) {
        CapturedInput input = CapturedInput.of(d, sources);
        var tensor = input.tensor();
        if (tensor.rank() < 2) {
            throw d.problem(tensor.name() + " has shape " + tensor.shape() + ", not two axes to draw.",
                    "use heatmap on a [T, T] or [1, H, T, T] tensor, or cells for a few values of this one.");
        }
        List<Integer> sliceIndex = sliceIndex(d, input);
        int rows = tensor.shape().get(tensor.rank() - 2);
        int cols = tensor.shape().get(tensor.rank() - 1);
        float[] values = tensor.values();
        int offset = 0;
        for (int i = 0; i < sliceIndex.size(); i++) {
            offset = offset * tensor.shape().get(i) + sliceIndex.get(i);
        }
        offset *= rows * cols;
        boolean causal = rows == cols && upperTriangleIsZero(values, offset, rows);
        TensorSlice slice;
        try {
            slice = TensorSlice.of(input.capture().name(), tensor.name(), tensor.shape(), input.dtype(), values,
                    sliceIndex, input.labels(rows), input.labels(cols), causal);
        } catch (FigureException e) {
            throw d.problem(e.problem(), e.fix());
        }
        var svg = Figures.draw(d, () -> HeatmapFigure.render(slice));
        String head = d.attributes().containsKey("head") ? ", head " + d.required("head") : "";
        Map<String, String> data = Figures.captureData(input);
        data.put("data-slice", Figures.slice(sliceIndex));
        return new LessonFigure(d, svg, Figures.source(input, "every cell of " + Figures.slice(sliceIndex) + head
                + (input.hasTokens() ? ", rows and columns labelled with the step's tokens"
                : ", rows and columns labelled by position")), data);
    }

    /** Fixed indices of every axis but the last two: 0 for axes of size 1, {@code head=} for the one other. */
    private static List<Integer> sliceIndex(Directive d, CapturedInput input) {
        var tensor = input.tensor();
        List<Integer> leading = input.leadingShape(2);
        List<Integer> chosen = new ArrayList<>();
        int free = -1;
        for (int axis = 0; axis < leading.size(); axis++) {
            if (leading.get(axis) != 1) {
                if (free >= 0) {
                    throw d.problem(tensor.name() + " has shape " + tensor.shape() + ": more than one axis besides the "
                            + "last two, so one [rows, columns] slice cannot be chosen with head=.",
                            "draw a tensor of shape [T, T] or [1, H, T, T].");
                }
                free = axis;
            }
            chosen.add(0);
        }
        if (free < 0) {
            if (d.attributes().containsKey("head") && leading.size() >= 2) {
                // [1, 1, T, T]: one head, as outside tools write a single head; head=0 names it
                d.integer("head", d.required("head"), 0, 0, tensor.name() + " has shape " + tensor.shape() + ", one head");
                return chosen;
            }
            if (d.attributes().containsKey("head")) {
                throw d.problem(tensor.name() + " has shape " + tensor.shape() + " and no heads to choose from.",
                        "remove head=.");
            }
            return chosen;
        }
        int heads = leading.get(free);
        if (!d.attributes().containsKey("head")) {
            throw d.problem(tensor.name() + " has " + heads + " heads; heatmap needs head=.",
                    "add head=0" + (heads > 1 ? " (or any head up to " + (heads - 1) + ")" : "") + ".");
        }
        int head = d.integer("head", d.required("head"), 0, heads - 1, tensor.name() + " has " + heads + " heads");
        chosen.set(free, head);
        return chosen;
    }

    private static boolean upperTriangleIsZero(float[] values, int offset, int n) {
        for (int q = 0; q < n; q++) {
            for (int k = q + 1; k < n; k++) {
                if (values[offset + q * n + k] != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
