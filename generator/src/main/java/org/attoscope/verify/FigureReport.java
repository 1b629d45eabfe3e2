package org.attoscope.verify;

import java.util.List;

/**
 * What the verifier checked in one figure.
 *
 * @param number       its place on the page, from 1
 * @param kind         the figure's kind ({@code heatmap}, {@code attention-matrix}, ...)
 * @param title        its accessible name
 * @param scale        its declared colour scale, or empty for figures without value cells
 * @param cellsChecked value cells (or surprise marks) re-derived from the bytes or the engine
 * @param contrastMin  the lowest label-to-fill contrast among its labelled cells, or null when none is labelled
 * @param tensors      the tensors it shows
 */
public record FigureReport(int number, String kind, String title, String scale, int cellsChecked, Double contrastMin,
                           List<TensorUsed> tensors) {

    public FigureReport {
        tensors = List.copyOf(tensors);
    }
}
