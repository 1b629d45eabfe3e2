package org.attoscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every stored dtype decodes to float32 exactly, special values included. */
class DtypeTest {

    static float f16(int bits) {
        return Dtype.F16.decode(HandMade.u16(bits), 0);
    }

    static float bf16(int bits) {
        return Dtype.BF16.decode(HandMade.u16(bits), 0);
    }

    @Test
    void f16KnownValuesDecodeExactly() {
        assertEquals(1.0f, f16(0x3c00));
        assertEquals(-2.5f, f16(0xc100));
        assertEquals(65504f, f16(0x7bff), "the largest finite half");
        assertEquals(0x1p-24f, f16(0x0001), "the smallest subnormal half");
        assertEquals(1023 * 0x1p-24f, f16(0x03ff), "the largest subnormal half");
        assertEquals(0x1p-14f, f16(0x0400), "the smallest normal half");
        assertEquals(0x80000000, Float.floatToRawIntBits(f16(0x8000)), "negative zero keeps its sign");
        assertEquals(Float.POSITIVE_INFINITY, f16(0x7c00));
        assertEquals(Float.NEGATIVE_INFINITY, f16(0xfc00));
        assertTrue(Float.isNaN(f16(0x7e00)));
        assertTrue(Float.isNaN(f16(0xfc01)), "a signalling NaN stays NaN");
    }

    @Test
    void everyFiniteF16BitPatternDecodesToItsValue() {
        for (int bits = 0; bits < 0x10000; bits++) {
            int exponent = (bits >>> 10) & 0x1f;
            if (exponent == 0x1f) {
                continue;
            }
            int mantissa = bits & 0x3ff;
            double magnitude = exponent == 0 ? Math.scalb((double) mantissa, -24) : Math.scalb(1024.0 + mantissa, exponent - 25);
            double expected = (bits & 0x8000) != 0 ? -magnitude : magnitude;
            assertEquals(Float.floatToRawIntBits((float) expected), Float.floatToRawIntBits(f16(bits)), "half bits " + bits);
        }
    }

    @Test
    void bf16IsTheHighHalfOfAFloat32() {
        assertEquals(1.0f, bf16(0x3f80));
        assertEquals(-2.5f, bf16(0xc020));
        assertEquals(65536f, bf16(0x4780), "65504 rounds to 65536 in bf16");
        assertEquals(Float.intBitsToFloat(0x00010000), bf16(0x0001), "the smallest subnormal bf16");
        assertEquals(Float.POSITIVE_INFINITY, bf16(0x7f80));
        assertTrue(Float.isNaN(bf16(0x7fc0)));
    }

    @Test
    void f32IsReadLittleEndianWithItsBitsKept() {
        assertEquals(-2.5f, Dtype.F32.decode(HandMade.f32(-2.5f), 0));
        assertEquals(Float.MIN_VALUE, Dtype.F32.decode(HandMade.f32(Float.MIN_VALUE), 0));
        assertEquals(0x7fc00001, Float.floatToRawIntBits(Dtype.F32.decode(HandMade.f32(Float.intBitsToFloat(0x7fc00001)), 0)));
    }

    @Test
    void eachDtypeNamesItsSizeAndPrecision() {
        assertEquals(4, Dtype.F32.byteSize());
        assertEquals(2, Dtype.F16.byteSize());
        assertEquals(2, Dtype.BF16.byteSize());
        assertEquals("fp16", Dtype.F16.precision());
        assertEquals("bf16", Dtype.BF16.precision());
        assertEquals("fp32", Dtype.F32.precision());
        assertEquals(Dtype.BF16, Dtype.fromSafetensors("BF16").orElseThrow());
        assertTrue(Dtype.fromSafetensors("I64").isEmpty());
    }
}
