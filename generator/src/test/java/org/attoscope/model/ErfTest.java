package org.attoscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErfTest {
    @Test
    void matchesTabulatedValuesToDoublePrecision() {
        assertEquals(0.0, Erf.erf(0.0));
        assertEquals(0.1124629160182849, Erf.erf(0.1), 2e-16);
        assertEquals(0.5204998778130465, Erf.erf(0.5), 2e-16);
        assertEquals(0.8427007929497149, Erf.erf(1.0), 2e-16);
        assertEquals(0.9661051464753108, Erf.erf(1.5), 2e-16);
        assertEquals(0.9953222650189527, Erf.erf(2.0), 2e-16);
        assertEquals(0.9999779095030014, Erf.erf(3.0), 2e-16);
        assertEquals(1.0, Erf.erf(7.0));
    }

    @Test
    void isOdd() {
        for (double x = 0; x < 6; x += 0.0137) {
            assertEquals(-Erf.erf(x), Erf.erf(-x));
        }
    }

    @Test
    void geluIsXTimesTheNormalCdf() {
        assertEquals(0.0, Erf.gelu(0.0));
        assertEquals(0.8413447460685429, Erf.gelu(1.0), 1e-15);
        assertEquals(-0.15865525393145707, Erf.gelu(-1.0), 1e-15);
        assertEquals(1.9544997361036416, Erf.gelu(2.0), 1e-15);
    }

    @Test
    void batchedGeluHasTheBitsOfOneAtATime() {
        java.util.Random random = new java.util.Random(7);
        float[] a = new float[3000];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (random.nextGaussian() * (i % 3 == 0 ? 4 : 1.5));
        }
        a[0] = 0f;
        a[1] = -0f;
        a[2] = 1e-12f;
        a[3] = 9f;
        a[4] = -12f;
        a[5] = Float.NaN;
        a[6] = (float) (1.25 * Math.sqrt(2));
        a[7] = (float) (0.84375 * Math.sqrt(2));
        float[] b = a.clone();
        Erf.geluAll(b, b.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(Float.floatToIntBits((float) Erf.gelu(a[i])), Float.floatToIntBits(b[i]), "gelu(" + a[i] + ")");
        }
    }
}
