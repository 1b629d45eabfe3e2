package org.attoscope.pages;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import org.attoscope.trace.PromptTrace;
import org.attoscope.util.Json;

/**
 * A story's prediction points as the text of a {@code <script type="application/json">} element.
 *
 * <p>A story may contain "&lt;/script&gt;"; HTML ends a script element at the first such sequence whatever the
 * JSON around it means. Writing {@code <}, {@code >} and {@code &} as {@code \\u} escapes keeps the text inert
 * for both HTML and XML parsers, and JSON.parse reads them back as the same characters. They can only occur
 * inside JSON strings, so the replacement never touches structure.
 *
 * <p>Each point starts a line of its own; the JSON is otherwise compact. On one line, a story's points with their
 * why and what-if data are most of a megabyte, and the Nu HTML Checker keeps the line it is reading in a buffer that
 * grows 2,048 characters at a time, copying the line at each step: a 1,000-story site had it copy about 175 GB (a
 * quarter of everything that build allocated). A newline between points is whitespace to every JSON reader.
 */
public final class PointsJson {
    private PointsJson() {
    }

    public static String embed(PromptTrace trace) {
        try {
            String json = Json.writer().with(new PointPerLine()).writeValueAsString(trace);
            return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a trace always serialises", e);
        }
    }

    /**
     * Compact JSON with a line break before each object nested two deep: in a trace, only the elements of its list of
     * points (its other fields are strings and lists of numbers or strings).
     */
    private static final class PointPerLine extends MinimalPrettyPrinter {
        /** How many objects and arrays enclose what is written next; one printer per document. */
        private int depth;

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            if (depth == 2) {
                g.writeRaw('\n');
            }
            depth++;
            super.writeStartObject(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            super.writeEndObject(g, entries);
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            depth++;
            super.writeStartArray(g);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            depth--;
            super.writeEndArray(g, values);
        }
    }
}
