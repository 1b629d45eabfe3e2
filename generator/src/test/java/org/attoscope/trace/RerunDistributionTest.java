package org.attoscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.attoscope.testing.TestModels;
import org.junit.jupiter.api.Test;

class RerunDistributionTest {

    @Test
    void itsExpIsWithinOnePartInTenToTheTwelveOfStrictMathsFromMinus700ToZero() {
        double worst = 0;
        for (double x = -700; x <= 0; x += 0.0137) {
            worst = Math.max(worst, Math.abs(RerunDistribution.exp(x) / StrictMath.exp(x) - 1));
        }
        assertEquals(1, RerunDistribution.exp(0));
        assertTrue(worst < 1e-12, "worst relative error " + worst);
    }

    @Test
    void itRanksAndWeighsAsTheMainDistributionDoes() {
        var tok = TestModels.realEngine().tokenizer();
        float[] logits = new float[TestModels.realEngine().config().vocabSize()];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (4 * rnd.nextGaussian());
        }
        NextTokenDistribution exact = new NextTokenDistribution(logits, tok);
        RerunDistribution rerun = new RerunDistribution(logits, tok);
        assertEquals(exact.top(5).stream().map(Prediction::id).toList(), rerun.top(5).stream().map(Prediction::id).toList());
        for (Prediction p : exact.top(20)) {
            assertEquals(p.prob(), rerun.prob(p.id()), 1e-12);
        }
        assertEquals(0, rerun.prob(1), "<bos> is never predicted");
    }
}
