package org.attoscope.capture;

import java.util.Arrays;
import java.util.List;

/**
 * One tensor of a capture, read after its hash lock held: the float32 values (decoded exactly from the stored dtype)
 * and where they came from.
 *
 * <p>Every value is finite; {@link Capture#tensor} refuses a tensor holding NaN or an infinity.
 *
 * @param capture the capture's name ("once-upon")
 * @param name    the tensor's name ("step00.attention_00")
 * @param dtype   how the values were stored; a figure says "captured " + {@code dtype.precision()}
 * @param shape   dimensions, outermost first
 * @param sha256  the hash lock the stored bytes matched
 * @param values  row-major values (copied in and out; use {@link #value} to read single cells without a copy)
 */
public record CapturedTensor(String capture, String name, Dtype dtype, List<Integer> shape, String sha256, float[] values) {

    public CapturedTensor {
        shape = List.copyOf(shape);
        Shapes.requireHolds(name, shape, values.length);
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    public int rank() {
        return shape.size();
    }

    /** Number of elements. */
    public int size() {
        return values.length;
    }

    /** The value at a full multi-index, one coordinate per dimension. */
    public float value(int... index) {
        return values[flatIndex(index)];
    }

    /** The value at a row-major flat position. */
    public float valueAt(int flatIndex) {
        return values[checkFlat(flatIndex)];
    }

    /** The exact float32 bits of the value at a flat position: what a page cell carries and {@code verify} compares. */
    public int floatBits(int flatIndex) {
        return Float.floatToRawIntBits(values[checkFlat(flatIndex)]);
    }

    /** Row-major position of a multi-index; fails naming the tensor, its shape and the index when out of range. */
    public int flatIndex(int... index) {
        if (index.length != shape.size()) {
            throw new IndexOutOfBoundsException(describe() + ": index " + Shapes.show(index) + " has " + index.length
                    + " coordinates but the tensor has " + shape.size() + " dimensions");
        }
        int flat = 0;
        for (int d = 0; d < index.length; d++) {
            if (index[d] < 0 || index[d] >= shape.get(d)) {
                throw new IndexOutOfBoundsException(describe() + ": index " + Shapes.show(index) + " is out of range in dimension " + d
                        + " (0.." + (shape.get(d) - 1) + ")");
            }
            flat = flat * shape.get(d) + index[d];
        }
        return flat;
    }

    /** The multi-index of a flat position. */
    public int[] multiIndex(int flatIndex) {
        return Shapes.multiIndex(shape, checkFlat(flatIndex));
    }

    /** "once-upon/step00.attention_00 [1, 2, 5, 5] F32", for messages. */
    public String describe() {
        return capture + "/" + name + " " + Shapes.show(shape) + " " + dtype;
    }

    private int checkFlat(int flatIndex) {
        if (flatIndex < 0 || flatIndex >= values.length) {
            throw new IndexOutOfBoundsException(describe() + ": flat index " + flatIndex + " is outside 0.." + (values.length - 1));
        }
        return flatIndex;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CapturedTensor t && capture.equals(t.capture) && name.equals(t.name) && dtype == t.dtype && shape.equals(t.shape)
                && sha256.equals(t.sha256) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * capture.hashCode() + name.hashCode()) + sha256.hashCode();
    }

    @Override
    public String toString() {
        return "CapturedTensor[" + describe() + " sha256 " + sha256 + "]";
    }
}
