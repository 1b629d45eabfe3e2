package org.attoscope.verify.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.PointsJson;
import org.attoscope.testing.TestModels;
import org.attoscope.trace.PromptTrace;
import org.attoscope.trace.Tracer;
import org.attoscope.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verifier's own forward pass agrees with the published attoGPT browser model (the reference points, made by
 * other code on another platform) and with the fast engine, within the verifier's tolerances, and the audit of
 * section 3 data finds nothing to say about either.
 */
class PlainForwardTest {
    static ModelBundle bundle;
    static PlainForward plain;
    static PointsAudit audit;

    @BeforeAll
    static void load() {
        bundle = TestModels.realBundle();
        plain = new PlainForward(bundle);
        audit = new PointsAudit(plain, bundle.tokenizer()::word, bundle.config().topkAttn());
    }

    @Test
    void everyReferencePointAgreesWithThePublishedModel() throws IOException {
        JsonNode reference = Json.mapper().readTree(TestModels.referenceJson().toFile());
        int topn = reference.get("topn").asInt();
        int points = 0;
        for (JsonNode prompt : reference.get("prompts")) {
            int[] ids = ids(prompt);
            assertEquals(List.of(), audit.check(prompt, ids, topn), prompt.get("name").asText());
            points += ids.length;
        }
        assertTrue(points >= 300, "the reference prompts hold " + points + " points, the long one past the 128-token window");
    }

    @Test
    void theFastEnginesPointsOfALongTextPassTheAudit() throws IOException {
        String text = Files.readString(TestModels.repoRoot().resolve("generator/src/main/resources/bench/long-story.txt"));
        text = text.substring(0, Math.min(text.length(), 1500));
        PromptTrace trace;
        try (Tracer tracer = new Tracer(TestModels.realEngine(), 20, 2)) {
            trace = tracer.trace(new Tracer.Prompt("long", text));
        }
        JsonNode shown = Json.mapper().readTree(PointsJson.embed(trace));
        int[] ids = ids(shown);
        assertTrue(ids.length > 200, "long enough to slide: " + ids.length);
        assertEquals(List.of(), audit.check(shown, ids, 20));
    }

    @Test
    void aWeightOffByMoreThanTheToleranceIsNamed() throws IOException {
        JsonNode reference = Json.mapper().readTree(TestModels.referenceJson().toFile());
        JsonNode prompt = reference.get("prompts").get(0).deepCopy();
        ObjectNode link = (ObjectNode) prompt.get("points").get(3).get("heads").get(1).get(0);
        double w = link.get("weight").asDouble();
        link.put("weight", w + 3e-5);
        List<String> found = audit.check(prompt, ids(prompt), reference.get("topn").asInt());
        assertTrue(found.stream().anyMatch(f -> f.startsWith("points[3].heads[1][0]: weight " + (w + 3e-5) + " on the page")), found.toString());
    }

    static int[] ids(JsonNode prompt) {
        int[] ids = new int[prompt.get("ids").size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = prompt.get("ids").get(i).asInt();
        }
        return ids;
    }
}
