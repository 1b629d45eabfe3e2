package org.attoscope.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attoscope.figures.CellsFigure;
import org.attoscope.figures.TensorCell;
import org.attoscope.figures.ValueKind;

/**
 * {@code cells capture=NAME tensor=TENSOR at="0,4,0 0,4,1"}: a few values of any tensor, each by its full index
 * (one number per axis, separated by commas; indices separated by spaces).
 */
final class CellsDirective implements FigureDirective {
    static final int MAX_CELLS = 24;

    @Override
    public String name() {
        return "cells";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("capture", "tensor", "at", "caption");
    }

    @Override
    public LessonFigure render(Directive d, LessonSources sources) {
        CapturedInput input = CapturedInput.of(d, sources);
        var tensor = input.tensor();
        String[] indices = d.required("at").strip().split("\\s+");
        if (indices.length > MAX_CELLS) {
            throw d.problem("at= names " + indices.length + " cells; a cells figure shows at most " + MAX_CELLS + ".",
                    "name fewer cells, or use heatmap for a whole slice.");
        }
        List<TensorCell> cells = new ArrayList<>();
        for (String written : indices) {
            int[] index = index(d, written, tensor.shape());
            cells.add(new TensorCell(input.capture().name(), tensor.name(), tensor.shape(), input.dtype(),
                    java.util.Arrays.stream(index).boxed().toList(), tensor.value(index), ValueKind.FLOAT));
        }
        var svg = Figures.draw(d, () -> CellsFigure.render(cells));
        Map<String, String> data = Figures.captureData(input);
        return new LessonFigure(d, svg, Figures.source(input, cells.size() + (cells.size() == 1 ? " value" : " values")
                + ", each under its index"), data);
    }

    private static int[] index(Directive d, String written, List<Integer> shape) {
        String[] parts = written.split(",", -1);
        if (parts.length != shape.size()) {
            throw d.problem("at= index " + written + " has " + parts.length + (parts.length == 1 ? " number" : " numbers")
                    + " but " + d.required("tensor") + " has " + shape.size() + " axes " + shape + ".",
                    "give one number per axis, separated by commas, e.g. at=\"" + zeros(shape.size()) + "\".");
        }
        int[] index = new int[parts.length];
        for (int axis = 0; axis < parts.length; axis++) {
            int size = shape.get(axis);
            try {
                index[axis] = Integer.parseInt(parts[axis].strip());
            } catch (NumberFormatException e) {
                throw d.problem("at= index " + written + " is not numbers separated by commas.",
                        "write each index like \"" + zeros(shape.size()) + "\".");
            }
            if (index[axis] < 0 || index[axis] >= size) {
                throw d.problem("at= index " + written + " is out of range: axis " + axis + " of "
                        + d.required("tensor") + " " + shape + " has " + size + " entries (0.." + (size - 1) + ").",
                        "use a number from 0 to " + (size - 1) + " on that axis.");
            }
        }
        return index;
    }

    private static String zeros(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "0"));
    }
}
