package org.attoscope.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attoscope.InputException;
import org.attoscope.capture.Capture;
import org.attoscope.capture.CaptureLibrary;
import org.attoscope.capture.CapturedTensor;
import org.attoscope.figures.Argmax;
import org.attoscope.figures.CellEncoder;
import org.attoscope.figures.CellEncoding;
import org.attoscope.figures.ColorScale;
import org.attoscope.figures.DrawnCell;
import org.attoscope.figures.FigureException;

/**
 * Checks a figure drawn from a capture ({@code heatmap}, {@code cells}, {@code logits}): every cell's float is read
 * again from the capture's bytes, through its hash lock, and encoded again with the figure's declared scale; the
 * bits, masking, fill, label, label colour and tooltip must all be what the page shows. A heatmap must show every
 * cell of its slice; a logits figure's rows must be the exact top of its vector and its argmax the exact argmax.
 */
final class CaptureFigureCheck {
    static final Set<String> KINDS = Set.of("heatmap", "cells", "logits");

    private final CaptureLibrary captures;

    CaptureFigureCheck(CaptureLibrary captures) {
        this.captures = captures;
    }

    FigureOutcome check(String file, FigureOnPage figure) {
        List<DrawnCell> cells = figure.cells();
        String name = figure.describe(cells);
        CellVerdicts verdicts = new CellVerdicts(file, name, figure.kind());
        Map<String, TensorUsed> used = new LinkedHashMap<>();
        Capture capture = capture(figure, verdicts);
        ColorScale scale = scale(figure, verdicts);
        if (capture != null && scale != null) {
            boolean causal = cells.stream().anyMatch(DrawnCell::masked);
            Map<String, CapturedTensor> opened = new HashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (DrawnCell cell : cells) {
                CapturedTensor tensor = open(capture, cell.tensor(), opened, verdicts);
                if (tensor == null) {
                    continue; // the figure-level finding names the tensor once, not once per cell
                }
                counts.merge(cell.tensor(), 1, Integer::sum);
                float value;
                try {
                    value = tensor.value(cell.index().stream().mapToInt(Integer::intValue).toArray());
                } catch (IndexOutOfBoundsException e) {
                    verdicts.unchecked(cell, "index " + cell.index() + " is not in " + tensor.describe());
                    continue;
                }
                boolean masked = causal && isAboveDiagonal(cell);
                CellEncoding expected;
                try {
                    expected = CellEncoder.encode(value, scale, cell.kind(), masked);
                } catch (FigureException e) {
                    verdicts.unchecked(cell, "the captured value " + value + " cannot be drawn: " + e.problem());
                    continue;
                }
                verdicts.compare(cell, expected, "the capture");
            }
            counts.forEach((t, n) -> {
                CapturedTensor tensor = opened.get(t);
                used.put(t, new TensorUsed(capture.name(), t, tensor.shape(), tensor.dtype().safetensorsName(), tensor.sha256(), n));
            });
            if (figure.kind().equals("heatmap")) {
                checkWholeSlice(cells, opened, verdicts);
            } else if (figure.kind().equals("logits")) {
                checkTopRows(figure, cells, opened, verdicts);
            }
        }
        if (cells.isEmpty()) {
            verdicts.figure("a " + figure.kind() + " figure shows no value cells");
        }
        return new FigureOutcome(new FigureReport(figure.number(), figure.kind(), figure.title(), figure.scaleId(),
                verdicts.checked(), verdicts.contrastMin(), List.copyOf(used.values())), verdicts.findings());
    }

    private Capture capture(FigureOnPage figure, CellVerdicts verdicts) {
        try {
            return captures.get(figure.source());
        } catch (InputException e) {
            verdicts.figure("names capture \"" + figure.source() + "\", which cannot be loaded: " + e.problem());
            return null;
        }
    }

    static ColorScale scale(FigureOnPage figure, CellVerdicts verdicts) {
        try {
            return ColorScale.parse(figure.scaleId());
        } catch (RuntimeException e) {
            verdicts.figure("declares colour scale \"" + figure.scaleId() + "\", which is not a scale: " + e.getMessage());
            return null;
        }
    }

    private static CapturedTensor open(Capture capture, String tensor, Map<String, CapturedTensor> opened, CellVerdicts verdicts) {
        if (opened.containsKey(tensor)) {
            return opened.get(tensor);
        }
        CapturedTensor t = null;
        try {
            t = capture.tensor(tensor);
        } catch (InputException e) {
            verdicts.figure(e.problem().startsWith("capture ") ? e.problem() : "capture " + capture.name() + ": " + e.problem());
        }
        opened.put(tensor, t);
        return t;
    }

    /** In a causal figure the cells whose key comes after their query are the masked ones, and only those. */
    private static boolean isAboveDiagonal(DrawnCell cell) {
        List<Integer> i = cell.index();
        return i.size() >= 2 && i.get(i.size() - 1) > i.get(i.size() - 2);
    }

    private static void checkWholeSlice(List<DrawnCell> cells, Map<String, CapturedTensor> opened, CellVerdicts verdicts) {
        if (cells.isEmpty()) {
            return;
        }
        DrawnCell first = cells.get(0);
        CapturedTensor tensor = opened.get(first.tensor());
        if (tensor == null || tensor.rank() < 2 || first.index().size() != tensor.rank()) {
            return;
        }
        List<Integer> leading = first.index().subList(0, tensor.rank() - 2);
        int rows = tensor.shape().get(tensor.rank() - 2);
        int cols = tensor.shape().get(tensor.rank() - 1);
        Set<List<Integer>> seen = new HashSet<>();
        for (DrawnCell cell : cells) {
            if (!cell.tensor().equals(first.tensor()) || !cell.index().subList(0, leading.size()).equals(leading)) {
                verdicts.cell(cell, "belongs to " + cell.tensor() + " " + cell.index() + ", not to the slice " + leading
                        + " of " + first.tensor() + " the heatmap shows");
            } else if (!seen.add(cell.index())) {
                verdicts.cell(cell, "is drawn twice");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int q = 0; q < rows; q++) {
            for (int k = 0; k < cols; k++) {
                List<Integer> index = new ArrayList<>(leading);
                index.add(q);
                index.add(k);
                if (!seen.contains(index)) {
                    missing.add("(" + q + "," + k + ")");
                }
            }
        }
        if (!missing.isEmpty()) {
            verdicts.figure("the heatmap leaves out " + missing.size() + " of the " + rows * cols + " cells of its slice: "
                    + String.join(" ", missing.subList(0, Math.min(10, missing.size()))) + (missing.size() > 10 ? " ..." : ""));
        }
    }

    private static void checkTopRows(FigureOnPage figure, List<DrawnCell> cells, Map<String, CapturedTensor> opened, CellVerdicts verdicts) {
        if (cells.isEmpty()) {
            return;
        }
        DrawnCell first = cells.get(0);
        CapturedTensor tensor = opened.get(first.tensor());
        if (tensor == null || first.index().size() != tensor.rank()) {
            return;
        }
        int vocab = tensor.shape().get(tensor.rank() - 1);
        List<Integer> leading = first.index().subList(0, tensor.rank() - 1);
        float[] vector = new float[vocab];
        int offset = tensor.flatIndex(withLast(leading, 0));
        for (int id = 0; id < vocab; id++) {
            vector[id] = tensor.valueAt(offset + id);
        }
        int[] top = Argmax.top(vector, cells.size());
        for (int r = 0; r < cells.size(); r++) {
            int shown = cells.get(r).index().get(cells.get(r).index().size() - 1);
            if (shown != top[r]) {
                verdicts.cell(cells.get(r), "row " + (r + 1) + " shows id " + shown + " on the page, but rank " + (r + 1)
                        + " of the captured logits is id " + top[r]);
            }
        }
        String argmax = figure.svg().attr("data-argmax");
        if (!argmax.equals(Integer.toString(top[0]))) {
            verdicts.figure("argmax " + argmax + " on the page, " + top[0] + " from the capture");
        }
    }

    private static int[] withLast(List<Integer> leading, int last) {
        int[] index = new int[leading.size() + 1];
        for (int i = 0; i < leading.size(); i++) {
            index[i] = leading.get(i);
        }
        index[leading.size()] = last;
        return index;
    }
}
