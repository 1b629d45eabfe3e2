package org.attoscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.Explained;
import org.attoscope.model.Explainer;
import org.attoscope.model.FocusResult;
import org.attoscope.model.Tokenizer;
import org.attoscope.testing.TestModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A link drop's published probabilities are the exact distribution's, rounded, whichever path computed them, with the
 * fast normaliser's polynomial in fused multiply-adds (true) or in products and sums (false).
 */
class RerunProbabilitiesTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyTargetOfEveryLinkDropOfTheReferencePromptsRoundsAsTheExactDistribution(boolean fused) {
        AttoGpt engine = TestModels.realEngine();
        Tokenizer tok = engine.tokenizer();
        RerunProbabilities fast = new RerunProbabilities(tok, fused);
        int rows = 0;
        for (var prompt : org.attoscope.util.JsonFiles.read(TestModels.referencePrompts())) {
            int[] ids = tok.encode(prompt.get("text").asText()).ids();
            FocusResult[] points = engine.points(ids, 0, ids.length);
            int[][] targets = new int[points.length][];
            for (int i = 0; i < points.length; i++) {
                targets[i] = Explanations.targets(new NextTokenDistribution(points[i].logits(), tok), i + 1 < ids.length ? ids[i + 1] : null, tok);
            }
            Explained[] explained = Explainer.of(engine).explain(ids, points, targets);
            for (int i = 0; i < points.length; i++) {
                for (float[][] head : explained[i].linkDrops()) {
                    for (float[] logits : head) {
                        assertEquals(exact(logits, targets[i], tok), fast.of(logits, targets[i]), prompt.get("name").asText() + " point " + i);
                        rows++;
                    }
                }
            }
        }
        assertTrue(rows > 1000, "checked " + rows + " link drops");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void rowsWhoseMaximumIsAnExcludedIdOrWhoseProbabilitiesAreTinyOrCertainStillMatch(boolean fused) {
        Tokenizer tok = TestModels.realEngine().tokenizer();
        int v = tok.size();
        SplittableRandom rnd = new SplittableRandom(11);
        RerunProbabilities fast = new RerunProbabilities(tok, fused);
        int[] targets = {5, 17, 300, tok.bosId(), 4000};
        for (int r = 0; r < 40; r++) {
            float[] l = new float[v];
            double spread = r < 20 ? 27 : 200; // the second half has terms far below the clamp at -88
            for (int i = 0; i < v; i++) {
                l[i] = (float) rnd.nextDouble(-spread / 2, spread / 2);
            }
            if (r % 4 == 0) {
                l[tok.bosId()] = 1000; // not the maximum: the row takes the exact path
            }
            if (r % 4 == 1) {
                l[17] = 500; // one target takes all the mass
            }
            assertEquals(exact(l, targets, tok), fast.of(l, targets), "row " + r);
        }
    }

    private static List<Double> exact(float[] logits, int[] targets, Tokenizer tok) {
        NextTokenDistribution dist = new NextTokenDistribution(logits, tok);
        List<Double> out = new ArrayList<>();
        for (int t : targets) {
            out.add(Explanations.prob(dist.prob(t)));
        }
        return out;
    }
}
