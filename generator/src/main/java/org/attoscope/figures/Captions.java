package org.attoscope.figures;

import java.util.List;
import org.attoscope.capture.Dtype;
import org.attoscope.capture.TensorKind;
import java.util.stream.Collectors;

/** The phrases captions share, so every figure states shape, slice, step and precision the same way. */
public final class Captions {

    private Captions() {
    }

    /** {@code captured fp32, shown to 6 significant digits}. */
    public static String precision(Dtype dtype) {
        return "captured " + dtype.precision() + ", shown to " + ValueLabels.SIGNIFICANT_DIGITS + " significant digits";
    }

    /** {@code [1, 2, 5, 5]}. */
    static String shape(List<Integer> shape) {
        return shape.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A slice's index with its free axes shown as {@code :}, e.g. {@code [0, 1, :, :]}. */
    public static String slice(List<Integer> fixed, int freeAxes) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < fixed.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(fixed.get(i));
        }
        for (int i = 0; i < freeAxes; i++) {
            sb.append(fixed.isEmpty() && i == 0 ? "" : ", ").append(':');
        }
        return sb.append(']').toString();
    }

    /** {@code , step 2} for a tensor named {@code step02.…}, else nothing. */
    public static String step(String tensor) {
        return TensorKind.stepOf(tensor).map(s -> ", step " + s).orElse("");
    }

    /** A label for an axis or tooltip: the token in curly quotes. */
    static String quoted(String token) {
        return "“" + token + "”";
    }
}
