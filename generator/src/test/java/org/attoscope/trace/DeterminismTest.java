package org.attoscope.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.attoscope.testing.TestModels;
import org.attoscope.util.Json;
import org.junit.jupiter.api.Test;

/** The same text gives the same bytes, whatever the number of threads and however often it is run. */
class DeterminismTest {
    static final String STORY = "Once upon a time there was a girl named Mia. Mia had a red ball. ".repeat(12)
            + "\"Can I play?\" asked Ben. \"Yes!\" said Mia.";

    @Test
    void oneThreadAndTwoThreadsWriteIdenticalBytesAcrossASlidingWindow() throws Exception {
        byte[] first = traceBytes(1);
        assertArrayEquals(first, traceBytes(2));
        assertArrayEquals(first, traceBytes(2), "and again");
        assertArrayEquals(first, traceBytes(3), "more threads than cores");
    }

    private static byte[] traceBytes(int threads) throws Exception {
        try (Tracer tracer = new Tracer(TestModels.realEngine(), 20, threads)) {
            PromptTrace trace = tracer.trace(new Tracer.Prompt("story", STORY));
            if (trace.points().size() <= 128) {
                throw new AssertionError("the story must outgrow the 128-token context");
            }
            return Json.mapper().writeValueAsBytes(List.of(trace));
        }
    }
}
