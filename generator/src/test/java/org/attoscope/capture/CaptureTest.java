package org.attoscope.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attoscope.InputException;
import org.attoscope.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture is read only through its hash locks: the manifest and the safetensors file must agree, every tensor's
 * bytes must hash to its lock, and no value may be NaN or infinite. Captures here are written byte by byte, as a
 * PyTorch script exporting another model would, with no model_sha256.
 */
class CaptureTest {
    @TempDir
    Path dir;

    /** attention [1, 2, 2, 2] in F16, logits [1, 4] in BF16, a scalar loss in F32: a small "GPT-Neo" run. */
    static final List<HandMade.Tensor> OTHER_TOOL = List.of(
            new HandMade.Tensor("step00.attention_00", "F16", List.of(1, 2, 2, 2),
                    HandMade.u16(0x3c00, 0x0000, 0x3800, 0x3800, 0x3c00, 0x0000, 0x0001, 0x7bff)),
            new HandMade.Tensor("step00.logits_last", "BF16", List.of(1, 4), HandMade.u16(0x3f80, 0xc020, 0x4780, 0x8000)),
            new HandMade.Tensor("loss", "F32", List.of(), HandMade.f32(2.4662821f)));

    Capture otherTool() {
        HandMade.writeCapture(dir, "gpt-neo-run", "pytorch export script", OTHER_TOOL);
        return Capture.load(dir, "gpt-neo-run");
    }

    static void assertMentions(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "\"" + p + "\" is not in: " + e.getMessage());
        }
    }

    @Test
    void aCaptureWrittenByAnotherToolLoadsAndHashLocks() {
        Capture c = otherTool();
        assertNull(c.manifest().modelSha256());
        assertEquals("gpt-neo-tinystories-fixture", c.manifest().model());
        assertEquals(Map.of("format", "pt"), c.metadata());
        assertEquals(List.of(), c.checkHashLocks());

        CapturedTensor attention = c.tensor("step00.attention_00");
        assertEquals(Dtype.F16, attention.dtype());
        assertEquals("fp16", attention.dtype().precision());
        assertEquals(List.of(1, 2, 2, 2), attention.shape());
        assertEquals(Sha256.hex(OTHER_TOOL.get(0).raw()), attention.sha256());
        assertArrayEquals(new float[] {1f, 0f, 0.5f, 0.5f, 1f, 0f, 0x1p-24f, 65504f}, attention.values());
        assertEquals(0.5f, attention.value(0, 0, 1, 0));
        assertEquals(65504f, attention.value(0, 1, 1, 1));

        assertEquals(0x1p-24f, attention.value(0, 1, 1, 0));

        CapturedTensor logits = c.tensor("step00.logits_last");
        assertEquals("bf16", logits.dtype().precision());
        assertArrayEquals(new float[] {1f, -2.5f, 65536f, -0f}, logits.values());
        assertEquals(0x80000000, logits.floatBits(3), "the stored sign of zero survives");
        assertEquals(2.4662821f, c.tensor("loss").value());
    }

    @Test
    void outOfRangeIndicesNameTheTensorItsShapeAndTheIndex() {
        CapturedTensor attention = otherTool().tensor("step00.attention_00");
        assertMentions(assertThrows(IndexOutOfBoundsException.class, () -> attention.value(0, 2, 0, 0)),
                "gpt-neo-run/step00.attention_00 [1, 2, 2, 2] F16", "[0,2,0,0]", "dimension 1");
        assertMentions(assertThrows(IndexOutOfBoundsException.class, () -> attention.value(0, 0)), "2 coordinates", "4 dimensions");
        assertArrayEquals(new int[] {0, 1, 1, 1}, attention.multiIndex(7));
    }

    @Test
    void aFlippedDataByteIsCaughtByTheHashLockNamingFileTensorAndBothHashes() throws IOException {
        otherTool();
        Path file = dir.resolve("gpt-neo-run.safetensors");
        byte[] bytes = Files.readAllBytes(file);
        int at = HandMade.dataOffset(file, "step00.logits_last") + 1;
        bytes[at] ^= 0x01;
        Files.write(file, bytes);
        String expected = Sha256.hex(OTHER_TOOL.get(1).raw());

        Capture c = Capture.load(dir, "gpt-neo-run");
        InputException e = assertThrows(InputException.class, () -> c.tensor("step00.logits_last"));
        assertEquals(file, e.file());
        String actual = Sha256.hex(SafetensorsFile.read(file).rawBytes("step00.logits_last"));
        assertMentions(e, "tensor step00.logits_last", "does not match its hash lock", expected, actual);
        assertEquals(List.of(new Mismatch("step00.logits_last", expected, actual)), c.checkHashLocks());
        assertEquals(1f, c.tensor("step00.attention_00").value(0, 0, 0, 0), "the other tensors' locks still hold");
    }

    @Test
    void aHeaderThatLiesAboutOffsetsFailsTheLoadNamingFileAndTensor() {
        otherTool();
        Path file = dir.resolve("gpt-neo-run.safetensors");
        HandMade.editHeader(file, h -> h.replace("\"data_offsets\":[16,24]", "\"data_offsets\":[16,32]"));
        InputException e = assertThrows(InputException.class, () -> Capture.load(dir, "gpt-neo-run"));
        assertEquals(file, e.file());
        assertMentions(e, "tensor step00.logits_last", "[16, 32]", "16 bytes, but shape [1, 4] of BF16 needs 8 bytes");
    }

    @Test
    void aCaptureLibraryLoadsEachCaptureOnce() {
        otherTool();
        CaptureLibrary library = new CaptureLibrary(dir);
        assertEquals(List.of("gpt-neo-run"), library.names());
        assertSame(library.get("gpt-neo-run"), library.get("gpt-neo-run"));
    }

    @Test
    void aTensorTheManifestLocksButTheFileLacksIsNamedWithBothFiles() throws IOException {
        otherTool();
        Path manifest = dir.resolve("gpt-neo-run.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"loss\"", "\"step00.loss\""));
        InputException e = assertThrows(InputException.class, () -> Capture.load(dir, "gpt-neo-run"));
        assertEquals(manifest, e.file());
        assertTrue(e.line() > 0);
        assertMentions(e, "locks tensor step00.loss", "gpt-neo-run.safetensors has no tensor of that name");
    }

    @Test
    void aTensorInTheFileWithoutALockIsRefused() throws IOException {
        otherTool();
        Path manifest = dir.resolve("gpt-neo-run.json");
        String text = Files.readString(manifest);
        int at = text.indexOf(",\n    \"loss\"");
        Files.writeString(manifest, text.substring(0, at) + text.substring(text.indexOf('}', at) + 1));
        InputException e = assertThrows(InputException.class, () -> Capture.load(dir, "gpt-neo-run"));
        assertEquals(dir.resolve("gpt-neo-run.safetensors"), e.file());
        assertMentions(e, "tensor loss has no hash lock", "gpt-neo-run.json does not list it");
    }

    @Test
    void askingForATensorNotInTheCaptureNamesCaptureAndTensor() {
        Capture c = otherTool();
        InputException e = assertThrows(InputException.class, () -> c.tensor("step03.attention_00"));
        assertMentions(e, "gpt-neo-run.safetensors", "capture gpt-neo-run has no tensor step03.attention_00", "loss, step00.attention_00");
    }

    @Test
    void aManifestWhoseDtypeOrShapeDisagreesWithTheHeaderIsRefused() throws IOException {
        otherTool();
        Path manifest = dir.resolve("gpt-neo-run.json");
        String good = Files.readString(manifest);
        Files.writeString(manifest, good.replace("\"dtype\": \"BF16\", \"shape\": [1,4]", "\"dtype\": \"F16\", \"shape\": [1,4]"));
        assertMentions(assertThrows(InputException.class, () -> Capture.load(dir, "gpt-neo-run")),
                "tensor step00.logits_last is F16 [1, 4] in the manifest but BF16 [1, 4] in gpt-neo-run.safetensors");
        Files.writeString(manifest, good.replace("\"dtype\": \"BF16\", \"shape\": [1,4]", "\"dtype\": \"BF16\", \"shape\": [4]"));
        assertMentions(assertThrows(InputException.class, () -> Capture.load(dir, "gpt-neo-run")), "BF16 [4] in the manifest but BF16 [1, 4]");
    }

    @Test
    void aManifestWithoutHashLocksOrModelIsRefusedWithItsLine() throws IOException {
        otherTool();
        Path manifest = dir.resolve("gpt-neo-run.json");
        String good = Files.readString(manifest);
        Files.writeString(manifest, good.replaceFirst("\"sha256\": \"[0-9a-f]{64}\"", "\"sha256\": \"abc\""));
        InputException e = assertThrows(InputException.class, () -> Capture.load(dir, "gpt-neo-run"));
        assertMentions(e, "tensor step00.attention_00 has no hash lock");
        assertEquals(6, e.line());
        Files.writeString(manifest, good.replace("\"model\"", "\"modelname\""));
        assertMentions(assertThrows(InputException.class, () -> Capture.load(dir, "gpt-neo-run")), "\"model\" is missing");
        Files.writeString(manifest, good.replace("\"tensors\": {", "\"tensors\": {{"));
        assertMentions(assertThrows(InputException.class, () -> Capture.load(dir, "gpt-neo-run")), "malformed JSON");
    }

    @Test
    void nanIsRefusedWithCaptureTensorAndIndex() {
        float[] values = new float[16];
        values[11] = Float.NaN;
        HandMade.writeCapture(dir, "poisoned", "test", List.of(new HandMade.Tensor("step00.attention_00", "F32", List.of(1, 2, 2, 4), HandMade.f32(values))));
        Capture c = Capture.load(dir, "poisoned");
        assertEquals(List.of(), c.checkHashLocks(), "the bytes are what the manifest locked; the value itself is the problem");
        InputException e = assertThrows(InputException.class, () -> c.tensor("step00.attention_00"));
        assertEquals(dir.resolve("poisoned.safetensors"), e.file());
        assertMentions(e, "capture poisoned", "tensor step00.attention_00", "NaN at index [0,1,0,3]", "0x7fc00000");
    }

    @Test
    void infinitiesAreRefusedInEveryDtype() {
        HandMade.writeCapture(dir, "overflow", "test", List.of(
                new HandMade.Tensor("half", "F16", List.of(3), HandMade.u16(0x3c00, 0x3c00, 0xfc00)),
                new HandMade.Tensor("brain", "BF16", List.of(1, 2), HandMade.u16(0x7f80, 0x0000))));
        Capture c = Capture.load(dir, "overflow");
        assertMentions(assertThrows(InputException.class, () -> c.tensor("half")), "tensor half", "-Infinity at index [2]", "0xfc00");
        assertMentions(assertThrows(InputException.class, () -> c.tensor("brain")), "tensor brain", "Infinity at index [0,0]");
    }

    @Test
    void aCaptureIsTwoFilesAndAHalfIsNamed() throws IOException {
        otherTool();
        Files.delete(dir.resolve("gpt-neo-run.json"));
        InputException e = assertThrows(InputException.class, () -> Capture.load(dir, "gpt-neo-run"));
        assertEquals(dir.resolve("gpt-neo-run.json"), e.file());
        assertMentions(e, "no run manifest");
        assertMentions(assertThrows(InputException.class, () -> Capture.load(dir, "missing")), "there is no capture missing", "[gpt-neo-run]");
    }

    @Test
    void aNameCannotLeaveTheCapturesFolder() {
        assertMentions(assertThrows(InputException.class, () -> Capture.load(dir, "../content/site")), "is not a capture name");
        assertMentions(assertThrows(InputException.class, () -> Capture.load(dir, "a.b")), "is not a capture name");
    }

    @Test
    void namesInListsEveryCaptureOnceInOrder() throws IOException {
        HandMade.writeCapture(dir, "zeta", "test", OTHER_TOOL);
        HandMade.writeCapture(dir, "alpha", "test", OTHER_TOOL);
        Files.write(dir.resolve("notes.txt"), "not a capture".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("alpha", "zeta"), Capture.namesIn(dir));
        assertEquals(List.of(), Capture.namesIn(dir.resolve("nowhere")));
    }
}
