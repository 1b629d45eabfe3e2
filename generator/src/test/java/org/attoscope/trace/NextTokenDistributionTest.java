package org.attoscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.attoscope.model.Tokenizer;
import org.attoscope.testing.TestModels;
import org.junit.jupiter.api.Test;

/** The batched, vectorised normalisers give exactly the bits of the plain definition. */
class NextTokenDistributionTest {
    @Test
    void everyRowOfABatchHasTheProbabilitiesOfTheOneByOneStrictMathSoftmax() {
        Tokenizer tok = TestModels.realEngine().tokenizer();
        int v = tok.size();
        SplittableRandom rnd = new SplittableRandom(7);
        List<float[]> rows = new ArrayList<>();
        for (int r = 0; r < 7; r++) { // not a multiple of the four lanes
            float[] l = new float[v];
            for (int i = 0; i < v; i++) {
                l[i] = (float) rnd.nextDouble(-15, 12);
            }
            l[tok.bosId()] = 40; // an excluded id above every other logit is not the maximum
            l[rnd.nextInt(v)] = l[rnd.nextInt(v)] - 0.25f; // some arguments on fdlibm's middle and small paths
            rows.add(l);
        }
        List<NextTokenDistribution> dists = NextTokenDistribution.of(rows, tok);
        for (int r = 0; r < rows.size(); r++) {
            float[] l = rows.get(r);
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < v; i++) {
                if (!tok.isExcludedFromPredictions(i)) {
                    max = Math.max(max, l[i]);
                }
            }
            double denom = 0;
            for (int i = 0; i < v; i++) {
                if (!tok.isExcludedFromPredictions(i)) {
                    denom += StrictMath.exp(l[i] - max);
                }
            }
            for (Prediction p : dists.get(r).top(20)) {
                assertEquals(StrictMath.exp(l[p.id()] - max) / denom, p.prob(), 0.0, "row " + r + ", id " + p.id());
            }
            assertEquals(0.0, dists.get(r).prob(tok.bosId()));
        }
    }

    @Test
    void theTopNAreTheLargestKeptLogitsLargestFirstTiesToTheLowerIdAsASortOfTheVocabularyGivesThem() {
        Tokenizer tok = TestModels.realEngine().tokenizer();
        int v = tok.size();
        SplittableRandom rnd = new SplittableRandom(13);
        for (int trial = 0; trial < 20; trial++) {
            float[] l = new float[v];
            for (int i = 0; i < v; i++) {
                l[i] = (float) rnd.nextInt(-40, 40) / 4; // coarse: many ties, at the n-th place too
            }
            l[tok.unkId()] = 100; // excluded, however large
            NextTokenDistribution d = new NextTokenDistribution(l, tok);
            List<Integer> sorted = new ArrayList<>();
            for (int id = 0; id < v; id++) {
                if (!tok.isExcludedFromPredictions(id)) {
                    sorted.add(id);
                }
            }
            sorted.sort((a, b) -> l[a] != l[b] ? Float.compare(l[b], l[a]) : Integer.compare(a, b));
            for (int n : new int[] {1, 5, 20}) {
                assertEquals(sorted.subList(0, n), d.top(n).stream().map(Prediction::id).toList(), "trial " + trial + ", top " + n);
            }
        }
    }

    @Test
    void aTokenJudgedWithTheTopNHasTheRankAndProbabilityOfTheCountOverTheVocabulary() {
        Tokenizer tok = TestModels.realEngine().tokenizer();
        int v = tok.size();
        SplittableRandom rnd = new SplittableRandom(11);
        float[] l = new float[v];
        for (int i = 0; i < v; i++) {
            l[i] = (float) rnd.nextInt(-40, 40) / 4; // coarse, so many logits tie and the lower id must rank first
        }
        NextTokenDistribution d = new NextTokenDistribution(l, tok);
        List<Prediction> top = d.top(20);
        for (int id = 0; id < v; id++) {
            assertEquals(d.judge(id), d.judge(id, top), "token " + id);
        }
    }
}
