package org.attoscope.lessons;

import org.attoscope.content.Suggestions;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.attoscope.InputException;

/**
 * One figure directive as written in a lesson: the info string of a fenced block, such as
 * {@code heatmap capture=once-upon tensor=step00.attention_00 head=0}, with the file and line it came from so every
 * problem with it can be reported where the author can fix it.
 *
 * @param name       the directive, e.g. {@code heatmap}
 * @param attributes its attributes in the order written; values are unquoted
 * @param file       the lesson file
 * @param line       the 1-based line of the opening fence
 */
public record Directive(String name, Map<String, String> attributes, Path file, int line) {

    public Directive {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The value of a required attribute. */
    public String required(String key) {
        String value = attributes.get(key);
        if (value == null) {
            throw problem(name + " needs " + key + "=.", "add " + key + "=" + placeholder(key) + " to the fence's line.");
        }
        return value;
    }

    /** The value of an optional attribute, or {@code otherwise}. */
    public String optional(String key, String otherwise) {
        return attributes.getOrDefault(key, otherwise);
    }

    /** A whole number from {@code lowest} to {@code highest} inclusive; {@code what} says what the range is. */
    public int integer(String key, String value, int lowest, int highest, String what) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw problem(key + "=" + value + " is not a whole number.", "write " + key + "=" + lowest + ".");
        }
        if (highest < lowest) {
            throw problem(key + "=" + value + " cannot be used: " + what + ", so there is nothing to choose (the axis has length 0).",
                    "draw a tensor with at least one entry along that axis; a zero-length tensor has no cells to show.");
        }
        if (n < lowest || n > highest) {
            throw problem(key + "=" + value + " is out of range: " + what + " (" + lowest + ".." + highest + ").",
                    "use " + choices(key, lowest, highest) + ".");
        }
        return n;
    }

    /** Fails on any attribute not in {@code known}, naming the ones that are. */
    public void allowOnly(Set<String> known) {
        for (String key : attributes.keySet()) {
            if (!known.contains(key)) {
                throw problem(name + " has no attribute " + key + "=.", Suggestions.didYouMean(key, known)
                        + "its attributes are " + String.join(", ", new TreeSet<>(known)) + ".");
            }
        }
    }

    /** An author's error at this directive's line. */
    public InputException problem(String problem, String fix) {
        return new InputException(file, line, problem, fix);
    }

    private static String choices(String key, int lowest, int highest) {
        if (highest - lowest < 4) {
            StringBuilder sb = new StringBuilder();
            for (int i = lowest; i <= highest; i++) {
                sb.append(i == lowest ? "" : i == highest ? " or " : ", ").append(key).append('=').append(i);
            }
            return sb.toString();
        }
        return key + "=" + lowest + " to " + key + "=" + highest;
    }

    private static String placeholder(String key) {
        return List.of("capture", "tensor", "story").contains(key) ? key.toUpperCase(java.util.Locale.ROOT) : "N";
    }
}
