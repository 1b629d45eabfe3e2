package org.attoscope.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.attoscope.util.Json;

/**
 * Encodes float32 tensors as a safetensors file, byte for byte the same for the same tensors.
 *
 * <p>Tensors go in name order (the reference writer orders by alignment, then name; with one dtype that is name
 * order). Each header entry is {@code {"dtype","shape","data_offsets"}} in that order, no {@code __metadata__}, and
 * the header is padded with spaces to a multiple of 8 bytes so the data section starts aligned, as the format allows.
 */
public final class SafetensorsWriter {
    private SafetensorsWriter() {
    }

    public static byte[] encode(Collection<F32Tensor> tensors) {
        List<F32Tensor> ordered = tensors.stream().sorted(Comparator.comparing(F32Tensor::name)).toList();
        Set<String> seen = new HashSet<>();
        ObjectNode header = Json.mapper().createObjectNode();
        long offset = 0;
        for (F32Tensor t : ordered) {
            if (!seen.add(t.name()) || SafetensorsFile.METADATA_KEY.equals(t.name())) {
                throw new IllegalArgumentException("tensor name " + t.name() + " is used twice or reserved");
            }
            long length = (long) t.size() * Float.BYTES;
            ObjectNode entry = header.putObject(t.name());
            entry.put("dtype", Dtype.F32.safetensorsName());
            t.shape().forEach(entry.putArray("shape")::add);
            entry.putArray("data_offsets").add(offset).add(offset + length);
            offset += length;
        }
        byte[] json = headerBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + padded + (int) offset);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
        out.writeBytes(json);
        for (int i = json.length; i < padded; i++) {
            out.write(' ');
        }
        for (F32Tensor t : ordered) {
            out.writeBytes(t.littleEndianBytes());
        }
        return out.toByteArray();
    }

    private static byte[] headerBytes(ObjectNode header) {
        try {
            return Json.mapper().writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
