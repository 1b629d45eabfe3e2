package org.attoscope.capture;

import java.util.List;

/** Arithmetic on tensor shapes, shared by the reader, the writer and the tensors themselves. */
final class Shapes {
    private Shapes() {
    }

    /** Number of elements, or -1 when it would not fit a long (a header that lies). A rank-0 shape holds one. */
    static long elementCount(List<Integer> shape) {
        long n = 1;
        for (int d : shape) {
            try {
                n = Math.multiplyExact(n, (long) d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return n;
    }

    /** {@code [1, 2, 5, 5]}, the way every message and figure writes a shape or an index. */
    /** Throws unless {@code shape} holds exactly {@code count} values; {@code name} says whose shape it is. */
    static void requireHolds(String name, List<Integer> shape, int count) {
        if (elementCount(shape) != count) {
            throw new IllegalArgumentException(name + ": shape " + show(shape) + " does not hold " + count + " values");
        }
    }

    static String show(List<Integer> shape) {
        return shape.toString();
    }

    static String show(int[] index) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < index.length; i++) {
            sb.append(i == 0 ? "" : ",").append(index[i]);
        }
        return sb.append(']').toString();
    }

    /** Row-major multi-index of a flat position. */
    static int[] multiIndex(List<Integer> shape, int flat) {
        int[] index = new int[shape.size()];
        int rest = flat;
        for (int d = shape.size() - 1; d >= 0; d--) {
            index[d] = rest % shape.get(d);
            rest /= shape.get(d);
        }
        return index;
    }
}
