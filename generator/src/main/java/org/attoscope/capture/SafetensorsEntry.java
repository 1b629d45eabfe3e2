package org.attoscope.capture;

import java.util.List;

/**
 * One tensor as a safetensors header describes it.
 *
 * @param name  the header key
 * @param dtype the stored element type
 * @param shape the dimensions, outermost first (empty for a scalar)
 * @param begin first byte, counted from the start of the data section (after the header)
 * @param end   one past the last byte
 */
public record SafetensorsEntry(String name, Dtype dtype, List<Integer> shape, long begin, long end) {

    public SafetensorsEntry {
        shape = List.copyOf(shape);
    }

    public long byteLength() {
        return end - begin;
    }

    public long elementCount() {
        return Shapes.elementCount(shape);
    }
}
