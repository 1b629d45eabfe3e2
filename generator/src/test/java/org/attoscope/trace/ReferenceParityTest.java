package org.attoscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.attoscope.testing.TestModels;
import org.attoscope.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine agrees with the published attoGPT browser model at every prediction point of every reference prompt,
 * to the tolerances of {@code ../shared/reference/README.md}.
 */
class ReferenceParityTest {
    static final double WEIGHT_AND_PROB_TOLERANCE = 1e-5;
    static final double TIE_GAP = 1e-6;

    static JsonNode reference;
    static List<PromptTrace> ours;

    @BeforeAll
    static void traceReferencePrompts() throws IOException {
        reference = Json.mapper().readTree(TestModels.referenceJson().toFile());
        List<Tracer.Prompt> prompts = new ArrayList<>();
        for (JsonNode p : Json.mapper().readTree(TestModels.referencePrompts().toFile())) {
            prompts.add(new Tracer.Prompt(p.get("name").asText(), p.get("text").asText()));
        }
        try (Tracer tracer = new Tracer(TestModels.realEngine(), reference.get("topn").asInt(), 2)) {
            ours = tracer.traceAll(prompts);
        }
    }

    @TestFactory
    List<DynamicTest> everyPromptMatchesThePublishedModel() {
        List<DynamicTest> tests = new ArrayList<>();
        assertEquals(TestModels.realBundle().sha256(), reference.get("model_sha256").asText());
        for (int i = 0; i < ours.size(); i++) {
            PromptTrace trace = ours.get(i);
            JsonNode ref = reference.get("prompts").get(i);
            tests.add(DynamicTest.dynamicTest(trace.name(), () -> assertPromptMatches(ref, trace)));
        }
        return tests;
    }

    static void assertPromptMatches(JsonNode ref, PromptTrace trace) {
        assertEquals(ref.get("name").asText(), trace.name());
        assertEquals(ints(ref.get("ids")), trace.ids(), "token ids");
        assertEquals(strings(ref.get("tokens")), trace.tokens(), "tokens");
        assertEquals(ref.get("points").size(), trace.points().size(), "one point per token");
        for (int p = 0; p < trace.points().size(); p++) {
            JsonNode rp = ref.get("points").get(p);
            PredictionPoint point = trace.points().get(p);
            String where = trace.name() + " point " + p;
            assertEquals(rp.get("focus").asInt(), point.focus(), where);
            assertEquals(rp.get("token").asText(), point.token(), where);
            assertEquals(rp.get("context_start").asInt(), point.contextStart(), where + " context start");
            for (int h = 0; h < point.heads().size(); h++) {
                Map<Integer, Double> refLinks = new TreeMap<>();
                rp.get("heads").get(h).forEach(l -> refLinks.put(l.get("source").asInt(), l.get("weight").asDouble()));
                Map<Integer, Double> links = new TreeMap<>();
                point.heads().get(h).forEach(l -> links.put(l.source(), l.weight()));
                assertEquals(refLinks.keySet(), links.keySet(), where + " head " + h + " sources");
                for (int s : links.keySet()) {
                    assertEquals(refLinks.get(s), links.get(s), WEIGHT_AND_PROB_TOLERANCE, where + " head " + h + " source " + s);
                }
                assertLargestFirst(point.heads().get(h), where);
            }
            assertPredictionsMatch(rp.get("predictions"), point.predictions(), where);
            JsonNode rn = rp.get("next");
            if (rn == null || rn.isNull()) {
                assertNull(point.next(), where + " has no next token");
            } else {
                assertNotNull(point.next(), where);
                assertEquals(rn.get("id").asInt(), point.next().id(), where);
                if (rn.get("rank").isNull()) {
                    assertNull(point.next().rank(), where);
                } else {
                    assertEquals(rn.get("rank").asInt(), point.next().rank(), where + " rank of the next token");
                }
                assertEquals(rn.get("prob").asDouble(), point.next().prob(), WEIGHT_AND_PROB_TOLERANCE, where);
            }
        }
    }

    static void assertPredictionsMatch(JsonNode ref, List<Prediction> ours, String where) {
        assertEquals(ref.size(), ours.size(), where + " predictions");
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(ref.get(i).get("prob").asDouble(), ours.get(i).prob(), WEIGHT_AND_PROB_TOLERANCE, where + " prediction " + i);
        }
        // Order must agree wherever neighbours are not a near-tie; compare the ids as sets within near-tie groups.
        int start = 0;
        for (int i = 1; i <= ours.size(); i++) {
            boolean groupEnds = i == ours.size() || ref.get(i - 1).get("prob").asDouble() - ref.get(i).get("prob").asDouble() > TIE_GAP;
            if (groupEnds) {
                TreeSet<Integer> a = new TreeSet<>();
                TreeSet<Integer> b = new TreeSet<>();
                for (int j = start; j < i; j++) {
                    a.add(ref.get(j).get("id").asInt());
                    b.add(ours.get(j).id());
                }
                assertEquals(a, b, where + " predictions " + start + ".." + (i - 1));
                start = i;
            }
        }
    }

    static void assertLargestFirst(List<AttentionLink> links, String where) {
        for (int i = 1; i < links.size(); i++) {
            AttentionLink a = links.get(i - 1);
            AttentionLink b = links.get(i);
            assertTrue(a.weight() > b.weight() || (a.weight() == b.weight() && a.source() < b.source()), where + " links in order");
        }
    }

    static List<Integer> ints(JsonNode arr) {
        List<Integer> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asInt()));
        return out;
    }

    static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }
}
