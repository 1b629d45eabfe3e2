package org.attoscope.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.attoscope.trace.PromptTrace;
import org.attoscope.util.Json;

/**
 * A story's prediction points as the text of a {@code <script type="application/json">} element.
 *
 * <p>A story may contain "&lt;/script&gt;"; HTML ends a script element at the first such sequence whatever the
 * JSON around it means. Writing {@code <}, {@code >} and {@code &} as {@code \\u} escapes keeps the text inert
 * for both HTML and XML parsers, and JSON.parse reads them back as the same characters. They can only occur
 * inside JSON strings, so the replacement never touches structure.
 */
public final class PointsJson {
    private PointsJson() {
    }

    public static String embed(PromptTrace trace) {
        try {
            String json = Json.mapper().writeValueAsString(trace);
            return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a trace always serialises", e);
        }
    }
}
