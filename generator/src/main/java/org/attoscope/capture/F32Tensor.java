package org.attoscope.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.attoscope.util.Sha256;

/**
 * A float32 tensor to be written into a capture: a name, a shape and its row-major values.
 *
 * <p>The values are copied in and never handed out, so a tensor's bytes (and so its hash lock) cannot change after
 * it is made.
 */
public record F32Tensor(String name, List<Integer> shape, float[] values) {

    public F32Tensor {
        shape = List.copyOf(shape);
        Shapes.requireHolds(name, shape, values.length);
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** Number of elements. */
    public int size() {
        return values.length;
    }

    /** The bytes as a safetensors file stores them: little-endian float32, raw bits (NaN payloads kept). */
    public byte[] littleEndianBytes() {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buf.putInt(Float.floatToRawIntBits(v));
        }
        return buf.array();
    }

    /** The hash lock: sha256 of {@link #littleEndianBytes()}. */
    public String sha256() {
        return Sha256.hex(littleEndianBytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof F32Tensor t && name.equals(t.name) && shape.equals(t.shape) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + shape.hashCode()) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "F32Tensor[" + name + " " + Shapes.show(shape) + "]";
    }
}
