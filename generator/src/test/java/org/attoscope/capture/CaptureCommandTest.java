package org.attoscope.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.testing.Cli;
import org.attoscope.testing.Cli.Run;
import org.attoscope.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attoscope capture} on the real model: the same inputs write the same bytes, and bad flags are refused. */
class CaptureCommandTest {
    @TempDir
    Path dir;


    Run capture(Path content, String name, String prompt, String steps) {
        return Cli.attoscope("capture", "--model", TestModels.realBundleDir().toString(), "--content", content.toString(),
                "--prompt", prompt, "--steps", steps, "--name", name);
    }

    @Test
    void twoRunsWithTheSameInputsWriteByteIdenticalCaptures() throws IOException {
        for (String content : new String[] {"first", "second"}) {
            Run r = capture(dir.resolve(content), "once-upon", "Once upon a time, there was", "2");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("16 tensors"), r.out());
        }
        for (String file : new String[] {"once-upon.safetensors", "once-upon.json"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("first/captures").resolve(file)),
                    Files.readAllBytes(dir.resolve("second/captures").resolve(file)), file);
        }
        Capture c = Capture.load(dir.resolve("first/captures"), "once-upon");
        assertEquals(2, c.manifest().steps());
        assertEquals(java.util.List.of(), c.checkHashLocks());
        assertTrue(Files.readString(dir.resolve("first/captures/once-upon.json")).startsWith("{\n  \"model\": \"attoGPT\",\n  \"model_sha256\": \""));
    }

    @Test
    void aNameThatIsNotLowerCaseWordsIsBadUsageAndWritesNothing() {
        for (String name : new String[] {"../escape", "Once", "a_b", "a.b", ""}) {
            Run r = capture(dir, name, "once upon a time", "1");
            assertEquals(2, r.exit(), name);
            assertTrue(r.err().contains("is not a capture name"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("captures")));
        assertFalse(Files.exists(dir.resolve("escape.json")));
    }

    @Test
    void aPromptLongerThanTheContextIsAFindingWithItsFix() {
        Run r = capture(dir, "too-long", "once upon a time", "200");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("at most 128 tokens") && r.err().contains("--steps 123 or fewer"), r.err());
        assertEquals(2, capture(dir, "none", "once", "0").exit());
    }
}
