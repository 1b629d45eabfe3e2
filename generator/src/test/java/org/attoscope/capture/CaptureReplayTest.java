package org.attoscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attoscope.model.AttoGpt;
import org.attoscope.testing.TestModels;
import org.attoscope.util.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-running a capture with the same model reproduces every tensor's bits; anything else is reported. */
class CaptureReplayTest {
    @TempDir
    Path dir;
    AttoGpt engine;
    CaptureReplay replay;

    @BeforeEach
    void captureAFreshRun() {
        engine = TestModels.realEngine();
        replay = new CaptureReplay(engine);
        CaptureWriter.write(dir, "fresh", new CaptureRecorder(engine).record("lily saw a big dog.", 2));
    }

    @Test
    void aFreshCaptureReplaysIdentically() {
        ReplayReport report = replay.replay(Capture.load(dir, "fresh"));
        assertEquals(ReplayReport.Outcome.IDENTICAL, report.outcome());
        assertEquals(16, report.tensorsCompared());
        assertEquals(List.of(), report.drifts());
        assertNull(report.reason());
    }

    @Test
    void aChangedByteWithARecomputedHashPassesTheLockButNotTheReplay() throws IOException {
        Path file = dir.resolve("fresh.safetensors");
        String tensor = "step01.attention_00";
        String original = Capture.load(dir, "fresh").manifest().tensors().get(tensor).sha256();
        byte[] bytes = Files.readAllBytes(file);
        int at = HandMade.dataOffset(file, tensor) + 3;
        bytes[at] ^= 0x01;
        Files.write(file, bytes);
        String forged = Sha256.hex(SafetensorsFile.read(file).rawBytes(tensor));
        HandMade.setLock(dir.resolve("fresh.json"), tensor, forged);

        Capture tampered = Capture.load(dir, "fresh");
        assertEquals(List.of(), tampered.checkHashLocks(), "the forged lock holds");
        ReplayReport report = replay.replay(tampered);
        assertEquals(ReplayReport.Outcome.DRIFTED, report.outcome());
        assertEquals(List.of(new Mismatch(tensor, forged, original)), report.drifts());
    }

    @Test
    void aCaptureFromAnotherToolIsSkippedWithItsReason() {
        HandMade.writeCapture(dir, "gpt-neo-run", "pytorch export script", CaptureTest.OTHER_TOOL);
        ReplayReport report = replay.replay(Capture.load(dir, "gpt-neo-run"));
        assertEquals(ReplayReport.Outcome.SKIPPED, report.outcome());
        assertTrue(report.reason().contains("no model_sha256"), report.reason());
        assertTrue(report.reason().contains("pytorch export script"), report.reason());
    }

    @Test
    void aCaptureOfAnotherModelIsSkippedNamingBothModels() throws IOException {
        Path manifest = dir.resolve("fresh.json");
        String other = "0".repeat(64);
        Files.writeString(manifest, Files.readString(manifest).replace(engine.modelSha256(), other));
        ReplayReport report = replay.replay(Capture.load(dir, "fresh"));
        assertEquals(ReplayReport.Outcome.SKIPPED, report.outcome());
        assertTrue(report.reason().contains(other) && report.reason().contains(engine.modelSha256()), report.reason());
    }

    @Test
    void aManifestWhoseOutputsWereEditedDrifts() throws IOException {
        Path manifest = dir.resolve("fresh.json");
        String text = Files.readString(manifest);
        String ids = text.substring(text.indexOf("\"output_ids\""), text.indexOf('\n', text.indexOf("\"output_ids\"")));
        Files.writeString(manifest, text.replace(ids, "\"output_ids\": [ 4, 4 ],"));
        ReplayReport report = replay.replay(Capture.load(dir, "fresh"));
        assertEquals(ReplayReport.Outcome.DRIFTED, report.outcome());
        assertEquals("output_ids", report.drifts().get(0).subject());
        assertEquals("[4, 4]", report.drifts().get(0).expected());
    }
}
