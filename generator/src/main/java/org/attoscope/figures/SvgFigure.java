package org.attoscope.figures;

import java.util.List;

/**
 * A finished figure: one inline {@code <svg role="img">} element with a {@code <title>} and {@code <desc>}, ready
 * to paste into a page, plus what it was made from.
 *
 * @param svg         the element's markup, byte-identical for identical input
 * @param title       its accessible name (the {@code <title>} text, unescaped)
 * @param description its longer description (the {@code <desc>} text): tensor, shape, slice and precision
 * @param cellCount   how many value-carrying cells ({@code data-bits}) it holds
 * @param tensorsUsed the tensors it shows
 */
public record SvgFigure(String svg, String title, String description, int cellCount, List<TensorUse> tensorsUsed) {

    public SvgFigure {
        tensorsUsed = List.copyOf(tensorsUsed);
    }
}
