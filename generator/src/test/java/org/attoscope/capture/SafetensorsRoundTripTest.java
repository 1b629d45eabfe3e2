package org.attoscope.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writer puts down, the reader gives back bit for bit, and the writer's bytes depend only on the tensors. */
class SafetensorsRoundTripTest {
    static final List<F32Tensor> TENSORS = List.of(
            new F32Tensor("b.vector", List.of(3), new float[] {1.0f, -0.0f, Float.MIN_VALUE}),
            new F32Tensor("a.matrix", List.of(2, 2), new float[] {65504f, -2.5f, 1e-38f, Float.MAX_VALUE}),
            new F32Tensor("c.scalar", List.of(), new float[] {3.25f}),
            new F32Tensor("d.rank5", List.of(1, 1, 1, 2, 1), new float[] {7f, 8f}));

    static CaptureRun run(List<F32Tensor> tensors) {
        SortedMap<String, ManifestTensor> locks = new TreeMap<>();
        tensors.forEach(t -> locks.put(t.name(), new ManifestTensor("F32", t.shape(), t.sha256())));
        return new CaptureRun(new CaptureManifest("test", null, null, List.of(), List.of(), null, null, "round trip test", locks), tensors);
    }

    @Test
    void writtenTensorsReadBackBitForBitInAnyRank(@TempDir Path dir) {
        CaptureWriter.write(dir, "round-trip", run(TENSORS));
        Capture capture = Capture.load(dir, "round-trip");
        assertEquals(List.of("a.matrix", "b.vector", "c.scalar", "d.rank5"), capture.tensorNames());
        for (F32Tensor written : TENSORS) {
            CapturedTensor read = capture.tensor(written.name());
            assertEquals(written.shape(), read.shape());
            assertEquals(Dtype.F32, read.dtype());
            assertEquals(written.sha256(), read.sha256());
            float[] expected = written.values();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Float.floatToRawIntBits(expected[i]), read.floatBits(i), written.name() + "[" + i + "]");
            }
        }
        assertEquals(3.25f, capture.tensor("c.scalar").value());
        assertEquals(8f, capture.tensor("d.rank5").value(0, 0, 0, 1, 0));
    }

    @Test
    void theHeaderIsCompactJsonInNameOrderPaddedWithSpacesToEightBytes() {
        byte[] bytes = SafetensorsWriter.encode(List.of(
                new F32Tensor("y", List.of(1), new float[] {2f}),
                new F32Tensor("x", List.of(2), new float[] {1f, -1f})));
        String json = "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}";
        int padded = (json.length() + 7) / 8 * 8;
        assertEquals(padded, ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
        assertEquals(json + " ".repeat(padded - json.length()), new String(bytes, 8, padded, StandardCharsets.UTF_8));
        assertArrayEquals(HandMade.concat(HandMade.f32(1f, -1f), HandMade.f32(2f)), Arrays.copyOfRange(bytes, 8 + padded, bytes.length));
    }

    @Test
    void theSameTensorsGiveTheSameBytesWhateverOrderTheyCameIn() {
        List<F32Tensor> reversed = new ArrayList<>(TENSORS);
        Collections.reverse(reversed);
        assertArrayEquals(SafetensorsWriter.encode(TENSORS), SafetensorsWriter.encode(reversed));
    }
}
