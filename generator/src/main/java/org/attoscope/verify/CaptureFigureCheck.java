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
import org.attoscope.capture.CaptureManifest;
import org.attoscope.capture.CapturedTensor;
import org.attoscope.verify.audit.AuditScale;
import org.attoscope.verify.audit.CaptureMeaning;

/**
 * Checks a figure drawn from a capture ({@code heatmap}, {@code cells}, {@code logits}): every cell's float is read
 * again from the capture's bytes, through its hash lock, and what it must look like is derived by the verifier's own
 * scale, labels and contrast ({@link CellVerdicts}); the bits, masking, fill, label, label colour and tooltip must
 * all be what the page shows. A heatmap must show every cell of its slice; a logits figure's rows must be the exact
 * top of its vector and its argmax the exact argmax. Beyond the bytes, what a figure claims must make sense: an
 * attention heatmap on the probability scale shows rows in [0, 1] that sum to 1, zeros above the diagonal when drawn
 * causal; the argmax of an attoscope capture's step logits is the token the step generated.
 */
final class CaptureFigureCheck {
    static final Set<String> KINDS = Set.of("heatmap", "cells", "logits");

    private final CaptureLibrary captures;

    CaptureFigureCheck(CaptureLibrary captures) {
        this.captures = captures;
    }

    FigureOutcome check(String file, FigureOnPage figure) {
        List<PageCell> cells = figure.cells();
        String name = figure.describe(cells);
        CellVerdicts verdicts = new CellVerdicts(file, name, figure.kind());
        Map<String, TensorUsed> used = new LinkedHashMap<>();
        Capture capture = capture(figure, verdicts);
        AuditScale scale = scale(figure, verdicts);
        if (capture != null && scale != null) {
            boolean causal = cells.stream().anyMatch(PageCell::masked);
            Map<String, CapturedTensor> opened = new HashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (PageCell cell : cells) {
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
                verdicts.compare(cell, value, scale, masked, "the capture");
            }
            counts.forEach((t, n) -> {
                CapturedTensor tensor = opened.get(t);
                used.put(t, new TensorUsed(capture.name(), t, tensor.shape(), tensor.dtype().safetensorsName(), tensor.sha256(), n));
            });
            if (figure.kind().equals("heatmap")) {
                checkWholeSlice(cells, opened, verdicts);
                checkMeaning(cells, opened, scale, causal, verdicts);
            } else if (figure.kind().equals("logits")) {
                checkTopRows(figure, cells, opened, capture.manifest(), verdicts);
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

    static AuditScale scale(FigureOnPage figure, CellVerdicts verdicts) {
        AuditScale scale = AuditScale.parse(figure.scaleId());
        if (scale == null) {
            verdicts.figure("declares colour scale \"" + figure.scaleId() + "\", which is not sequential[0,1] or diverging[-L,L]");
        }
        return scale;
    }

    /** An attention slice drawn on the probability scale must be probabilities: rows in [0, 1] summing to 1. */
    private static void checkMeaning(List<PageCell> cells, Map<String, CapturedTensor> opened, AuditScale scale, boolean causal,
                                     CellVerdicts verdicts) {
        if (cells.isEmpty() || !scale.id().startsWith("sequential")) {
            return;
        }
        PageCell first = cells.get(0);
        CapturedTensor tensor = opened.get(first.tensor());
        if (tensor == null || first.index().size() != tensor.rank() || !CaptureMeaning.claimsAttention(tensor.name(), tensor.shape())) {
            return;
        }
        int t = tensor.shape().get(tensor.rank() - 1);
        int[] start = new int[tensor.rank()];
        for (int a = 0; a < tensor.rank() - 2; a++) {
            start[a] = first.index().get(a);
        }
        int offset = tensor.flatIndex(start);
        float[] slice = new float[t * t];
        for (int i = 0; i < slice.length; i++) {
            slice[i] = tensor.valueAt(offset + i);
        }
        String name = first.tensor() + " " + first.index().subList(0, tensor.rank() - 2);
        CaptureMeaning.attentionRows(name, List.of(t, t), slice).forEach(p -> verdicts.figure("drawn as attention probabilities, but " + p));
        if (causal) {
            CaptureMeaning.causal(name, List.of(t, t), slice).forEach(p -> verdicts.figure("drawn causal, but " + p));
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
    private static boolean isAboveDiagonal(PageCell cell) {
        List<Integer> i = cell.index();
        return i.size() >= 2 && i.get(i.size() - 1) > i.get(i.size() - 2);
    }

    private static void checkWholeSlice(List<PageCell> cells, Map<String, CapturedTensor> opened, CellVerdicts verdicts) {
        if (cells.isEmpty()) {
            return;
        }
        PageCell first = cells.get(0);
        CapturedTensor tensor = opened.get(first.tensor());
        if (tensor == null || tensor.rank() < 2 || first.index().size() != tensor.rank()) {
            return;
        }
        List<Integer> leading = first.index().subList(0, tensor.rank() - 2);
        int rows = tensor.shape().get(tensor.rank() - 2);
        int cols = tensor.shape().get(tensor.rank() - 1);
        Set<List<Integer>> seen = new HashSet<>();
        for (PageCell cell : cells) {
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

    private static void checkTopRows(FigureOnPage figure, List<PageCell> cells, Map<String, CapturedTensor> opened,
                                     CaptureManifest manifest, CellVerdicts verdicts) {
        if (cells.isEmpty()) {
            return;
        }
        PageCell first = cells.get(0);
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
        int[] top = top(vector, cells.size());
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
        int step = CaptureMeaning.logitsStep(first.tensor());
        if (CaptureManifest.ATTOSCOPE_GENERATOR.equals(manifest.generator()) && step >= 0 && step < manifest.outputIds().size()
                && manifest.outputIds().get(step) != top[0]) {
            verdicts.figure("the argmax of " + first.tensor() + " is id " + top[0] + ", but step " + step + " generated id "
                    + manifest.outputIds().get(step) + " (output_ids), and greedy decoding takes the argmax");
        }
    }

    /** The n largest entries, largest first, ties to the lower index: the verifier's own ranking. */
    private static int[] top(float[] v, int n) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> v[a] != v[b] ? Float.compare(v[b], v[a]) : Integer.compare(a, b));
        int[] out = new int[Math.min(n, v.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
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
