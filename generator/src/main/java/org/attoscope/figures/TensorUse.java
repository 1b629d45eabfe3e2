package org.attoscope.figures;

import java.util.List;
import org.attoscope.capture.Dtype;

/**
 * One tensor a figure drew from, for the page's provenance and the verification report.
 *
 * @param source the capture name (or story slug for explorer figures)
 * @param tensor the tensor's name in that source
 * @param shape  its full shape
 * @param dtype  the dtype it was captured in (F32 for engine output)
 * @param cells  how many of its values the figure shows as cells
 */
public record TensorUse(String source, String tensor, List<Integer> shape, Dtype dtype, int cells) {

    public TensorUse {
        shape = List.copyOf(shape);
    }
}
