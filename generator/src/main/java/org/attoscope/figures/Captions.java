package org.attoscope.figures;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The phrases captions share, so every figure states shape, slice, step and precision the same way. */
final class Captions {

    private static final Pattern STEP = Pattern.compile("^step(\\d+)\\.");

    private Captions() {
    }

    /** {@code captured fp32, shown to 6 significant digits}. */
    static String precision(String dtype) {
        return "captured " + dtypeName(dtype) + ", shown to " + ValueLabels.SIGNIFICANT_DIGITS
                + " significant digits";
    }

    static String dtypeName(String dtype) {
        return switch (dtype.toUpperCase(Locale.ROOT)) {
            case "F32" -> "fp32";
            case "F16" -> "fp16";
            case "BF16" -> "bf16";
            default -> dtype.toLowerCase(Locale.ROOT);
        };
    }

    /** {@code [1, 2, 5, 5]}. */
    static String shape(List<Integer> shape) {
        return shape.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A slice's index with its free axes shown as {@code :}, e.g. {@code [0, 1, :, :]}. */
    static String slice(List<Integer> fixed, int freeAxes) {
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
    static String step(String tensor) {
        Matcher m = STEP.matcher(tensor);
        return m.find() ? ", step " + Integer.parseInt(m.group(1)) : "";
    }

    /** A label for an axis or tooltip: the token in curly quotes. */
    static String quoted(String token) {
        return "“" + token + "”";
    }
}
