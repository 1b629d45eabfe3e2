package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.attoscope.trace.AttentionLink;
import org.attoscope.trace.Explanation;
import org.attoscope.trace.NextToken;
import org.attoscope.trace.Prediction;
import org.attoscope.trace.PredictionPoint;
import org.attoscope.trace.PromptTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one precision rule for the numbers an explorer page carries. */
class DisplayedNumbersTest {

    @ParameterizedTest
    @CsvSource({
        "0.18138107199771294, 0.181381",
        "0.5267800092697144,  0.52678",
        "1.2345678901e-5,     1.23457e-5",
        "7.179811936402921E-4, 7.17981e-4",
        "-2.70164,            -2.70164",
        "7.9312,              7.9312",
        "0.99999999,          1",
        "9.9999996e-4,        0.001",
        "1234565,             1234560",
        "1234575,             1234580",
        "3.4028234663852886E38, 3.40282e38",
        "4.9e-324,            4.9e-324",
        "0,                   0"})
    void roundsToSixSignificantDigitsTiesToEven(double x, double expected) {
        assertEquals(expected, DisplayedNumbers.significant(x), 0.0);
    }

    @Test
    void aTraceKeepsItsIdsPositionsAndRanksAndRoundsEveryNumber() {
        Explanation.Parts parts = new Explanation.Parts(1.0211, -0.214, 4.0005,
                List.of(List.of(new Explanation.LinkPart(0, 2.7016))));
        Explanation explain = new Explanation(3.41723456, List.of(new Explanation.Target(7, "lily", 7.9312, parts)),
                Map.of("dense", new Explanation.Ablation(List.of(new Prediction(7, "lily", 0.123456789)), List.of(0.41))),
                List.of(List.of(new Explanation.LinkDrop(0, List.of(0.3100000001)))));
        PredictionPoint p = new PredictionPoint(1, "once", 0, List.of(List.of(new AttentionLink(0, 0.5267800092697144))),
                List.of(new Prediction(4, ".", 0.9300000123)), new NextToken(4, 1, 0.9300000123), explain);
        PredictionPoint last = new PredictionPoint(2, ".", 0, List.of(List.of(new AttentionLink(1, 1))), List.of(), null);
        PromptTrace shown = DisplayedNumbers.of(new PromptTrace("s", "once .", List.of(1, 48, 4), List.of("<bos>", "once", "."),
                List.of(p, last)));

        PredictionPoint q = shown.points().get(0);
        assertEquals(List.of(1, 48, 4), shown.ids());
        assertEquals(new AttentionLink(0, 0.52678), q.heads().get(0).get(0));
        assertEquals(new Prediction(4, ".", 0.93), q.predictions().get(0));
        assertEquals(new NextToken(4, 1, 0.93), q.next());
        assertEquals(3.41723, q.explain().finalRms(), 0.0);
        assertEquals(parts, q.explain().targets().get(0).parts(), "4-decimal logits are already 6 digits");
        assertEquals(0.123457, q.explain().ablations().get("dense").predictions().get(0).prob(), 0.0);
        assertEquals(List.of(0.31), q.explain().linkDrops().get(0).get(0).targetProbs());
        assertNull(shown.points().get(1).next());
        assertNull(shown.points().get(1).explain());
    }
}
