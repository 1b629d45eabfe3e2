package org.attoscope.capture;

import java.util.Arrays;
import java.util.List;

/**
 * The trailing dimensions of a captured tensor at fixed leading coordinates, such as one head's [T, T] attention
 * matrix. A view: values are read from the tensor, and every cell can name its full index in it.
 */
public final class CapturedSlice {
    private final CapturedTensor tensor;
    private final int[] leading;
    private final List<Integer> shape;
    private final int base;
    private final int size;

    CapturedSlice(CapturedTensor tensor, int[] leadingIndex) {
        if (leadingIndex.length >= tensor.rank()) {
            throw new IndexOutOfBoundsException(tensor.describe() + ": a slice fixes fewer coordinates than the tensor has dimensions, not "
                    + leadingIndex.length);
        }
        this.tensor = tensor;
        this.leading = leadingIndex.clone();
        this.shape = tensor.shape().subList(leading.length, tensor.rank());
        this.size = (int) Shapes.elementCount(shape);
        int flat = 0;
        for (int d = 0; d < leading.length; d++) {
            int dim = tensor.shape().get(d);
            if (leading[d] < 0 || leading[d] >= dim) {
                throw new IndexOutOfBoundsException(tensor.describe() + ": slice " + Shapes.show(leading) + " is out of range in dimension " + d
                        + " (0.." + (dim - 1) + ")");
            }
            flat = flat * dim + leading[d];
        }
        this.base = flat * size;
    }

    public CapturedTensor tensor() {
        return tensor;
    }

    /** The fixed leading coordinates. */
    public int[] leadingIndex() {
        return leading.clone();
    }

    /** The slice's own shape: the tensor's trailing dimensions. */
    public List<Integer> shape() {
        return shape;
    }

    /** The value at a trailing index ({@code value(q, k)} of an attention head). */
    public float value(int... trailingIndex) {
        return tensor.valueAt(flatIndexInTensor(trailingIndex));
    }

    public int floatBits(int... trailingIndex) {
        return tensor.floatBits(flatIndexInTensor(trailingIndex));
    }

    /** The cell's full multi-index in the tensor: the leading coordinates followed by {@code trailingIndex}. */
    public int[] fullIndex(int... trailingIndex) {
        int[] full = Arrays.copyOf(leading, leading.length + trailingIndex.length);
        System.arraycopy(trailingIndex, 0, full, leading.length, trailingIndex.length);
        return full;
    }

    /** The cell's row-major position in the whole tensor. */
    public int flatIndexInTensor(int... trailingIndex) {
        return tensor.flatIndex(fullIndex(trailingIndex));
    }

    /** The slice's values, row-major, copied. */
    public float[] values() {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = tensor.valueAt(base + i);
        }
        return out;
    }
}
