package org.attoscope.model;

import java.util.List;

/** Where one weight tensor lives inside {@code model.bin}: offsets and lengths count float32 values, not bytes. */
public record TensorSpec(String name, List<Integer> shape, long offset, long length) {

    public TensorSpec {
        shape = List.copyOf(shape);
    }

    public long elementsByShape() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
