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
}
