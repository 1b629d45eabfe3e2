package org.attoscope.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.Explained;
import org.attoscope.model.Explainer;
import org.attoscope.model.FocusResult;
import org.attoscope.testing.TestModels;
import org.attoscope.util.Json;
import org.attoscope.util.JsonFiles;
import org.junit.jupiter.api.Test;

/** FORMATS.md section 3.1 on the real model, for every point of the reference prompts. */
class ExplainRealModelTest {

    @Test
    void everyTargetsPartsAddUpToItsLogitAtEveryPointOfTheReferencePrompts() {
        AttoGpt engine = TestModels.realEngine();
        Explainer explainer = Explainer.of(engine);
        int checked = 0;
        double worst = 0;
        for (JsonNode prompt : JsonFiles.read(TestModels.referencePrompts())) {
            int[] ids = engine.tokenizer().encode(prompt.get("text").asText()).ids();
            FocusResult[] points = engine.points(ids, 0, ids.length);
            int[][] targets = new int[points.length][];
            for (int i = 0; i < points.length; i++) {
                NextTokenDistribution dist = new NextTokenDistribution(points[i].logits(), engine.tokenizer());
                targets[i] = Explanations.targets(dist, i + 1 < ids.length ? ids[i + 1] : null, engine.tokenizer());
            }
            Explained[] explained = explainer.explain(ids, points, targets);
            for (int i = 0; i < points.length; i++) {
                for (Explained.TargetParts t : explained[i].targets()) {
                    double diff = Math.abs(t.sum() - points[i].logits()[t.id()]);
                    worst = Math.max(worst, diff);
                    assertTrue(diff < 1e-4, prompt.get("name").asText() + " point " + i + " target " + t.id() + ": parts add up to "
                            + t.sum() + ", the logit is " + points[i].logits()[t.id()]);
                    checked++;
                }
            }
        }
        assertTrue(checked > 300, "checked " + checked + " targets, worst " + worst);
    }

    @Test
    void targetsAreTheTopThreeThenTheActualNextTokenAndTheAblationsRankFive() throws Exception {
        String text = "once upon a time, there was a little girl named lily. she liked to play with her dog.";
        try (Tracer tracer = new Tracer(TestModels.realEngine(), 20, 2, true)) {
            PromptTrace trace = tracer.trace(new Tracer.Prompt("t", text));
            int withFourth = 0;
            for (PredictionPoint p : trace.points()) {
                Explanation e = p.explain();
                List<Integer> ids = new ArrayList<>();
                e.targets().forEach(t -> ids.add(t.id()));
                assertEquals(p.predictions().subList(0, 3).stream().map(Prediction::id).toList(), ids.subList(0, 3));
                if (p.next() != null && p.next().rank() != null && p.next().rank() > 3) {
                    assertEquals(4, ids.size());
                    assertEquals(p.next().id(), ids.get(3));
                    withFourth++;
                } else {
                    assertEquals(3, ids.size());
                }
                assertEquals(List.of("dense", "head0_off", "head1_off"), e.ablations().keySet().stream().sorted().toList());
                e.ablations().values().forEach(a -> {
                    assertEquals(5, a.predictions().size());
                    assertEquals(ids.size(), a.targetProbs().size());
                });
                for (int h = 0; h < 2; h++) {
                    assertEquals(p.heads().get(h).stream().map(AttentionLink::source).toList(),
                            e.linkDrops().get(h).stream().map(Explanation.LinkDrop::source).toList());
                    assertEquals(p.heads().get(h).stream().map(AttentionLink::source).toList(),
                            e.targets().get(0).parts().heads().get(h).stream().map(Explanation.LinkPart::source).toList());
                }
            }
            assertTrue(withFourth > 0, "some point's next token is outside the top 3");
        }
    }

    @Test
    void oneThreadAndTwoThreadsExplainIdenticalBytesAcrossASlidingWindow() throws Exception {
        assertArrayEquals(bytes(1), bytes(2));
    }

    private static byte[] bytes(int threads) throws Exception {
        try (Tracer tracer = new Tracer(TestModels.realEngine(), 20, threads, true)) {
            return Json.mapper().writeValueAsBytes(tracer.trace(new Tracer.Prompt("story", DeterminismTest.STORY)));
        }
    }
}
