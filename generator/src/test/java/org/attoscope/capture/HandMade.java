package org.attoscope.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.attoscope.util.Sha256;

/**
 * Safetensors files and manifests built byte by byte by a test, the way another tool (a PyTorch script) would
 * write them, so the reader is checked against the format rather than against our own writer.
 */
final class HandMade {
    private HandMade() {
    }

    /** Little-endian float32 bytes. */
    static byte[] f32(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putInt(Float.floatToRawIntBits(v));
        }
        return b.array();
    }

    /** Little-endian 16-bit words (F16 or BF16 bit patterns). */
    static byte[] u16(int... words) {
        ByteBuffer b = ByteBuffer.allocate(words.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putShort((short) w);
        }
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A safetensors file: the 8-byte little-endian length of {@code header}, the header as given, then {@code data}. */
    static byte[] safetensors(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return concat(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array(), h, data);
    }

    /** One tensor of a hand-made capture. */
    record Tensor(String name, String dtype, List<Integer> shape, byte[] raw) {
    }

    /**
     * Writes {@code NAME.safetensors} (tensors packed in the given order, offsets computed) and {@code NAME.json}
     * (with each tensor's true sha256, no model_sha256) into {@code dir}, as another tool would.
     */
    static void writeCapture(Path dir, String name, String generator, List<Tensor> tensors) {
        StringBuilder header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        StringBuilder locks = new StringBuilder();
        long offset = 0;
        for (Tensor t : tensors) {
            String shape = t.shape().toString().replace(" ", "");
            header.append(",\"").append(t.name()).append("\":{\"dtype\":\"").append(t.dtype()).append("\",\"shape\":").append(shape)
                    .append(",\"data_offsets\":[").append(offset).append(',').append(offset + t.raw().length).append("]}");
            offset += t.raw().length;
            locks.append(locks.length() == 0 ? "" : ",\n").append("    \"").append(t.name()).append("\": {\"dtype\": \"").append(t.dtype())
                    .append("\", \"shape\": ").append(shape).append(", \"sha256\": \"").append(Sha256.hex(t.raw())).append("\"}");
        }
        header.append('}');
        byte[] data = concat(tensors.stream().map(Tensor::raw).toArray(byte[][]::new));
        write(dir.resolve(name + ".safetensors"), safetensors(header.toString(), data));
        String manifest = "{\n  \"model\": \"gpt-neo-tinystories-fixture\",\n  \"prompt\": \"once upon a time\",\n  \"generator\": \"" + generator
                + "\",\n  \"tensors\": {\n" + locks + "\n  }\n}\n";
        write(dir.resolve(name + ".json"), manifest.getBytes(StandardCharsets.UTF_8));
    }

    /** Re-encodes a safetensors file with its header text edited and its data section unchanged. */
    static void editHeader(Path file, UnaryOperator<String> edit) {
        byte[] bytes = read(file);
        int n = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(bytes, 8, n, StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOfRange(bytes, 8 + n, bytes.length);
        write(file, safetensors(edit.apply(header), data));
    }

    /** Replaces one tensor's sha256 in a manifest. */
    static void setLock(Path manifest, String tensor, String sha256) {
        String text = new String(read(manifest), StandardCharsets.UTF_8);
        int at = text.indexOf("\"" + tensor + "\"");
        int shaAt = text.indexOf("\"sha256\"", at);
        int start = text.indexOf('"', shaAt + 8) + 1;
        write(manifest, (text.substring(0, start) + sha256 + text.substring(start + 64)).getBytes(StandardCharsets.UTF_8));
    }

    /** Offset of a tensor's first data byte in the file. */
    static int dataOffset(Path file, String tensor) {
        SafetensorsFile f = SafetensorsFile.read(file);
        byte[] bytes = read(file);
        int n = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return 8 + n + (int) f.entries().get(tensor).begin();
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
