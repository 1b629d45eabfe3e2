package org.attoscope.figures;

import java.util.List;

/**
 * One tensor a figure drew from, for the page's provenance and the verification report.
 *
 * @param source the capture name (or story slug for explorer figures)
 * @param tensor the tensor's name in that source
 * @param shape  its full shape
 * @param dtype  the dtype it was captured in ({@code F32}, {@code F16}, {@code BF16}; {@code F32} for engine output)
 * @param cells  how many of its values the figure shows as cells
 */
public record TensorUse(String source, String tensor, List<Integer> shape, String dtype, int cells) {

    public TensorUse {
        shape = List.copyOf(shape);
    }
}
