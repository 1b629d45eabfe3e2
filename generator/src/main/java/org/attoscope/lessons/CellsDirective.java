package org.attoscope.lessons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attoscope.figures.CellsFigure;
import org.attoscope.figures.TensorCell;
import org.attoscope.figures.ValueKind;

/**
 * {@code cells capture=NAME tensor=TENSOR at="0,4,0 0,4,1"}: a few values of any tensor, each by its full index
 * (one number per axis, separated by commas; indices separated by spaces). {@code tensor=} may name several tensors
 * of one shape, separated by commas, to set the same cells of each side by side (tensor by tensor, index by index).
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
        List<CapturedInput> inputs = new ArrayList<>();
        for (String name : d.required("tensor").split(",")) {
            CapturedInput input = CapturedInput.of(d, sources, name.strip());
            if (!inputs.isEmpty() && !inputs.get(0).tensor().shape().equals(input.tensor().shape())) {
                throw d.problem(input.tensor().name() + " has shape " + input.tensor().shape() + " but "
                        + inputs.get(0).tensor().name() + " has " + inputs.get(0).tensor().shape() + ".",
                        "set side by side only tensors of one shape, or use one cells figure each.");
            }
            inputs.add(input);
        }
        String[] indices = d.required("at").strip().split("\\s+");
        if (indices.length * inputs.size() > MAX_CELLS) {
            throw d.problem("this figure would show " + indices.length * inputs.size() + " cells; a cells figure "
                    + "shows at most " + MAX_CELLS + ".", "name fewer cells or tensors, or use heatmap for a whole slice.");
        }
        List<int[]> at = new ArrayList<>();
        for (String written : indices) {
            at.add(index(d, written, inputs.get(0).tensor().shape()));
        }
        List<TensorCell> cells = new ArrayList<>();
        for (CapturedInput input : inputs) {
            var tensor = input.tensor();
            for (int[] index : at) {
                cells.add(new TensorCell(input.capture().name(), tensor.name(), tensor.shape(), input.dtype(),
                        Arrays.stream(index).boxed().toList(), tensor.value(index), ValueKind.FLOAT));
            }
        }
        var svg = Figures.draw(d, () -> CellsFigure.render(cells));
        Map<String, String> data = Figures.captureData(inputs.get(0));
        for (CapturedInput more : inputs.subList(1, inputs.size())) {
            Map<String, String> next = Figures.captureData(more);
            for (String key : List.of("data-tensor", "data-shape", "data-dtype", "data-sha256")) {
                data.put(key, data.get(key) + ";" + next.get(key));
            }
        }
        String what = cells.size() + (cells.size() == 1 ? " value" : " values") + ", each under its index";
        String source = inputs.size() == 1 ? Figures.source(inputs.get(0), what)
                : "Capture " + inputs.get(0).capture().name() + ", tensors " + String.join(", ", inputs.stream()
                .map(i -> i.tensor().name()).toList()) + " of shape " + inputs.get(0).tensor().shape()
                + inputs.get(0).step().map(st -> ", step " + st).orElse("") + "; " + what + "; "
                + Figures.precision(inputs.get(0)) + ".";
        return new LessonFigure(d, svg, source, data);
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
