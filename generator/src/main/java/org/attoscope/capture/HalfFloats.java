package org.attoscope.capture;

/**
 * IEEE 754 binary16 and bfloat16 to float32, bit-exact. (Java 17 has no {@code Float.float16ToFloat}; that arrived in
 * Java 20.)
 */
final class HalfFloats {
    private HalfFloats() {
    }

    /** binary16: 1 sign bit, 5 exponent bits (bias 15), 10 mantissa bits. */
    static float f16ToFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            // Infinity or NaN; the NaN payload moves to the top of float32's mantissa, as a hardware conversion does.
            return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13);
        }
        if (exponent == 0) {
            // Zero or subnormal: mantissa * 2^-24, exact because float32 has bits to spare for every such value.
            float magnitude = mantissa * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        return Float.intBitsToFloat(sign | (exponent + 127 - 15) << 23 | mantissa << 13);
    }

    /** bfloat16 is the high half of a float32. */
    static float bf16ToFloat(int bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }
}
