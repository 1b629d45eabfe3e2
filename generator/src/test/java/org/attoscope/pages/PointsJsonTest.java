package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.ModelBundle;
import org.attoscope.testing.TinyBundle;
import org.attoscope.trace.PromptTrace;
import org.attoscope.trace.Tracer;
import org.attoscope.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text of an explorer's points script: the trace's JSON, inert inside HTML, one point to a line. */
class PointsJsonTest {
    @TempDir
    Path dir;

    private PromptTrace trace(String text) {
        ModelBundle bundle = ModelBundle.load(new TinyBundle().writeTo(dir));
        try (Tracer tracer = new Tracer(new AttoGpt(bundle), 5, 1, true)) {
            return tracer.trace(new Tracer.Prompt("cat", text));
        }
    }

    @Test
    void readsBackAsTheTracesJsonWithEachPointOnALineOfItsOwn() throws Exception {
        PromptTrace trace = trace("The cat sat on a mat. The cat sat.");
        String embedded = PointsJson.embed(trace);
        assertEquals(Json.mapper().valueToTree(trace), Json.mapper().readTree(embedded));

        List<String> lines = embedded.lines().toList();
        int points = trace.points().size();
        assertEquals(points + 1, lines.size(), "the story's fields, then a line per point");
        for (int i = 0; i < points; i++) {
            // the line is the point, then its separator (or the closing of the list and the object)
            JsonNode point = Json.mapper().readTree(lines.get(i + 1));
            assertEquals(i, point.get("focus").asInt(), lines.get(i + 1));
        }
    }

    @Test
    void aStoryThatSaysEndOfScriptCannotEndTheScriptElement() throws Exception {
        PromptTrace trace = trace("The cat said </script><b> & left.");
        String embedded = PointsJson.embed(trace);
        assertFalse(embedded.contains("<") || embedded.contains(">") || embedded.contains("&"), embedded);
        assertTrue(Json.mapper().readTree(embedded).get("text").asText().contains("</script><b> &"));
    }
}
