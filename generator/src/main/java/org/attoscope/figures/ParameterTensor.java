package org.attoscope.figures;

import java.util.List;

/** One weight tensor of the model, by its manifest name and shape. */
public record ParameterTensor(String name, List<Integer> shape) {

    public ParameterTensor {
        shape = List.copyOf(shape);
    }

    public long count() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
