package org.attoscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attoscope.testing.TestModels;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The captures the default site is built from hold their hash locks, stay small, and re-run bit for bit. */
class CommittedCapturesTest {
    static final Path CAPTURES = TestModels.repoRoot().resolve("content/captures");

    @TestFactory
    List<DynamicTest> everyCommittedCaptureIsLockedSmallAndReproducible() {
        List<String> names = Capture.namesIn(CAPTURES);
        assertTrue(names.containsAll(List.of("once-upon", "name-across-sentences", "i-love-you", "spot-ran")), names.toString());
        CaptureReplay replay = new CaptureReplay(TestModels.realEngine());
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : names) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Capture c = Capture.load(CAPTURES, name);
                assertEquals(List.of(), c.checkHashLocks());
                assertTrue(Files.size(c.safetensorsFile()) < 512 * 1024, "small enough to commit");
                int longest = c.manifest().promptIds().size() + c.manifest().steps() - 1;
                assertTrue(longest <= 24, "a [T,T] heatmap stays readable: T = " + longest);
                ReplayReport report = replay.replay(c);
                assertEquals(ReplayReport.Outcome.IDENTICAL, report.outcome(), report.drifts().toString());
                assertEquals(c.tensorNames().size(), report.tensorsCompared());
            }));
        }
        return tests;
    }
}
