package org.attoscope.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.attoscope.InputException;

/**
 * A safetensors file read whole and checked: 8-byte little-endian header length, a JSON header of
 * {@code {name: {dtype, shape, data_offsets}}} with an optional {@code "__metadata__"} of strings, then the data.
 *
 * <p>The checks are those of the reference implementation, so a file this accepts is one PyTorch's loader accepts:
 * the header fits in the file and is a JSON object; every tensor's byte length is its element count times its dtype
 * size; the tensors tile the data section exactly (no overlap, no gap, nothing after the last one). A file that is
 * truncated, padded or whose header lies about offsets fails here, naming the tensor, before any value is read.
 */
public final class SafetensorsFile {
    /** The reference implementation's limit; a larger "header" is a corrupt length field, not a header. */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    static final String METADATA_KEY = "__metadata__";

    private final Path file;
    private final byte[] bytes;
    private final int dataStart;
    private final SortedMap<String, SafetensorsEntry> entries;
    private final SortedMap<String, String> metadata;

    private SafetensorsFile(Path file, byte[] bytes, int dataStart, SortedMap<String, SafetensorsEntry> entries,
                            SortedMap<String, String> metadata) {
        this.file = file;
        this.bytes = bytes;
        this.dataStart = dataStart;
        this.entries = entries;
        this.metadata = metadata;
    }

    public static SafetensorsFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, "the safetensors file does not exist.", "write it with `attoscope capture` or copy it next to its manifest.");
        }
        try {
            if (Files.size(file) > Integer.MAX_VALUE - 8) {
                throw new InputException(file, "the file is " + Files.size(file) + " bytes; a capture must be smaller than 2 GB.",
                        "capture fewer steps or a shorter prompt.");
            }
            return parse(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage() + ".", "check the file's permissions.");
        }
    }

    /** Parses bytes that came from {@code file} (named in every error). */
    public static SafetensorsFile parse(Path file, byte[] bytes) {
        if (bytes.length < 8) {
            throw new InputException(file, "the file has " + bytes.length + " bytes, fewer than the 8-byte header length a safetensors file starts with.",
                    "the file is truncated; write the capture again.");
        }
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > bytes.length - 8L) {
            throw new InputException(file, "the header length field says " + Long.toUnsignedString(headerLength) + " bytes but the file has "
                    + (bytes.length - 8) + " bytes after it.", "the file is truncated or not a safetensors file; write the capture again.");
        }
        int dataStart = 8 + (int) headerLength;
        JsonNode header = parseHeader(file, bytes, (int) headerLength);
        SortedMap<String, String> metadata = new TreeMap<>();
        SortedMap<String, SafetensorsEntry> entries = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) header::fields) {
            if (METADATA_KEY.equals(field.getKey())) {
                metadata.putAll(readMetadata(file, field.getValue()));
            } else {
                entries.put(field.getKey(), readEntry(file, field.getKey(), field.getValue()));
            }
        }
        checkTiling(file, entries, bytes.length - (long) dataStart);
        return new SafetensorsFile(file, bytes, dataStart, Collections.unmodifiableSortedMap(entries),
                Collections.unmodifiableSortedMap(metadata));
    }

    public Path file() {
        return file;
    }

    /** Every tensor, by name. */
    public SortedMap<String, SafetensorsEntry> entries() {
        return entries;
    }

    /** The optional {@code "__metadata__"} strings (empty when absent). */
    public SortedMap<String, String> metadata() {
        return metadata;
    }

    /** A copy of one tensor's bytes exactly as stored: what its hash lock is computed over. */
    public byte[] rawBytes(String tensor) {
        SafetensorsEntry e = entries.get(tensor);
        if (e == null) {
            throw new InputException(file, "there is no tensor " + tensor + " in this file.", "use one of " + entries.keySet() + ".");
        }
        byte[] out = new byte[(int) e.byteLength()];
        System.arraycopy(bytes, dataStart + (int) e.begin(), out, 0, out.length);
        return out;
    }

    private static JsonNode parseHeader(Path file, byte[] bytes, int length) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 8, length)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(file, "the safetensors header is not UTF-8 text.", "the file is corrupt; write the capture again.");
        }
        if (!text.startsWith("{")) {
            throw new InputException(file, "the safetensors header does not start with '{'.", "the file is corrupt or not a safetensors file; write the capture again.");
        }
        JsonNode node;
        try {
            node = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build().readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException(file, "the safetensors header is not well-formed JSON: " + e.getOriginalMessage() + ".",
                    "the header is corrupt; write the capture again.");
        }
        if (node == null || !node.isObject()) {
            throw new InputException(file, "the safetensors header is not a JSON object.", "the header is corrupt; write the capture again.");
        }
        return node;
    }

    private static Map<String, String> readMetadata(Path file, JsonNode node) {
        if (!node.isObject()) {
            throw new InputException(file, "\"__metadata__\" in the safetensors header is not an object of strings.", "write it as {\"key\": \"value\"} or leave it out.");
        }
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            if (!e.getValue().isTextual()) {
                throw new InputException(file, "\"__metadata__\"." + e.getKey() + " is not a string.", "safetensors metadata values are strings.");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static SafetensorsEntry readEntry(Path file, String name, JsonNode node) {
        if (!node.isObject()) {
            throw new InputException(file, "tensor " + name + ": its header entry is not an object.", "write {\"dtype\", \"shape\", \"data_offsets\"}.");
        }
        String dtypeName = node.path("dtype").asText("");
        Dtype dtype = Dtype.fromSafetensors(dtypeName).orElseThrow(() -> new InputException(file, "tensor " + name + " has dtype \""
                + dtypeName + "\"; attoscope reads " + Dtype.supportedNames() + ".", "store the tensor as F32, F16 or BF16."));
        List<Integer> shape = new ArrayList<>();
        JsonNode shapeNode = node.path("shape");
        if (!shapeNode.isArray()) {
            throw new InputException(file, "tensor " + name + " has no \"shape\" array.", "write the shape, e.g. [1, 2, 5, 5] ([] for a scalar).");
        }
        for (JsonNode d : shapeNode) {
            if (d.isIntegralNumber() && !d.canConvertToInt() && d.bigIntegerValue().signum() > 0) {
                throw new InputException(file, "tensor " + name + " has shape " + shapeNode + ": dimension " + d.asText()
                        + " is larger than any tensor attoscope reads (at most " + Integer.MAX_VALUE + " per axis).", "fix the header's shape.");
            }
            if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 0) {
                throw new InputException(file, "tensor " + name + " has shape " + shapeNode + "; dimensions are whole numbers from 0 to " + Integer.MAX_VALUE + ".",
                        "fix the header's shape.");
            }
            shape.add(d.asInt());
        }
        JsonNode offsets = node.path("data_offsets");
        if (!offsets.isArray() || offsets.size() != 2 || !isOffset(offsets.get(0)) || !isOffset(offsets.get(1))) {
            throw new InputException(file, "tensor " + name + " has data_offsets " + offsets + "; they must be [begin, end], two whole numbers of bytes.",
                    "fix the header's data_offsets.");
        }
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        if (end < begin) {
            throw new InputException(file, "tensor " + name + " has data_offsets [" + begin + ", " + end + "]: it ends before it begins.",
                    "the header is corrupt; write the capture again.");
        }
        long count = Shapes.elementCount(shape);
        if (count < 0 || count > Integer.MAX_VALUE || end - begin != count * dtype.byteSize()) {
            throw new InputException(file, "tensor " + name + " has data_offsets [" + begin + ", " + end + "], " + (end - begin) + " bytes, but shape "
                    + Shapes.show(shape) + " of " + dtype + " needs " + (count < 0 ? "more than 2^63" : count * dtype.byteSize()) + " bytes.",
                    "the header lies about this tensor's length or shape; write the capture again.");
        }
        return new SafetensorsEntry(name, dtype, shape, begin, end);
    }

    private static boolean isOffset(JsonNode n) {
        return n != null && n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0;
    }

    /** The tensors, in offset order, must cover the data section exactly: anything else is a lying header or a damaged file. */
    private static void checkTiling(Path file, SortedMap<String, SafetensorsEntry> entries, long dataLength) {
        List<SafetensorsEntry> byOffset = new ArrayList<>(entries.values());
        byOffset.sort(Comparator.comparingLong(SafetensorsEntry::begin).thenComparingLong(SafetensorsEntry::end)
                .thenComparing(SafetensorsEntry::name));
        long expected = 0;
        SafetensorsEntry previous = null;
        for (SafetensorsEntry e : byOffset) {
            if (e.end() > dataLength) {
                throw new InputException(file, "tensor " + e.name() + " has data_offsets [" + e.begin() + ", " + e.end() + "] but the data section has only "
                        + dataLength + " bytes.", "the file is truncated or its header lies about offsets; write the capture again.");
            }
            if (e.begin() < expected) {
                throw new InputException(file, "tensor " + e.name() + " (bytes " + e.begin() + ".." + e.end() + ") overlaps tensor " + previous.name()
                        + " (bytes " + previous.begin() + ".." + previous.end() + ").", "the header lies about offsets; write the capture again.");
            }
            if (e.begin() > expected) {
                throw new InputException(file, "tensor " + e.name() + " begins at byte " + e.begin() + " of the data section but the previous tensor ends at "
                        + expected + ": the bytes between belong to no tensor.", "the header lies about offsets; write the capture again.");
            }
            expected = e.end();
            previous = e;
        }
        if (expected != dataLength) {
            throw new InputException(file, "the data section has " + dataLength + " bytes but the tensors end at byte " + expected + ".",
                    "the file has bytes after its last tensor (padded or damaged); write the capture again.");
        }
    }
}
