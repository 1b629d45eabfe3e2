package org.attoscope.capture;

import java.util.Arrays;
import java.util.Optional;

/**
 * The element types a capture may store, by their safetensors names. Every one decodes to float32 exactly: F16 and
 * BF16 values are a subset of float32 values, so nothing is rounded on the way in.
 */
public enum Dtype {
    F32(4, "fp32"),
    F16(2, "fp16"),
    BF16(2, "bf16");

    private final int byteSize;
    private final String precision;

    Dtype(int byteSize, String precision) {
        this.byteSize = byteSize;
        this.precision = precision;
    }

    /** Bytes per element as stored. */
    public int byteSize() {
        return byteSize;
    }

    /** How a figure names the stored precision: "captured fp16". */
    public String precision() {
        return precision;
    }

    /** The name in a safetensors header ({@code "F32"}), which is also the enum constant's name. */
    public String safetensorsName() {
        return name();
    }

    public static Optional<Dtype> fromSafetensors(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }

    /** The names {@link #fromSafetensors} accepts, for error messages. */
    public static String supportedNames() {
        return "F32, F16 and BF16";
    }

    /** The element stored little-endian at {@code bytes[at]}. */
    public float decode(byte[] bytes, int at) {
        return switch (this) {
            case F32 -> Float.intBitsToFloat((bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8
                    | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24);
            case F16 -> HalfFloats.f16ToFloat((bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8);
            case BF16 -> HalfFloats.bf16ToFloat((bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8);
        };
    }
}
