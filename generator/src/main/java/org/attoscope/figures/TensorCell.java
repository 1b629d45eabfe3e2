package org.attoscope.figures;

import java.util.List;
import org.attoscope.capture.Dtype;

/**
 * One value of any tensor, by full index, for a {@link CellsFigure}.
 *
 * @param source the capture's name
 * @param tensor the tensor's name
 * @param shape  its full shape
 * @param dtype  the dtype it was captured in
 * @param index  the value's full index
 * @param value  the value as stored
 * @param kind   whether it is a measured float or an exact integer
 */
public record TensorCell(String source, String tensor, List<Integer> shape, Dtype dtype, List<Integer> index,
                         float value, ValueKind kind) {

    public TensorCell {
        shape = List.copyOf(shape);
        index = List.copyOf(index);
        if (index.size() != shape.size()) {
            throw new FigureException("index " + Captions.shape(index) + " has " + index.size() + " entries but "
                    + tensor + " has shape " + Captions.shape(shape) + ".", "give one index per axis.");
        }
        TensorSlice.checkIndex(tensor, shape, index);
    }
}
