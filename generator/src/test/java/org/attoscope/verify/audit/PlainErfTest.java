package org.attoscope.verify.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The verifier's erf against published values (to 19 digits), across the series and the far-tail branches. */
class PlainErfTest {
    @Test
    void matchesPublishedValuesOnBothBranchesAndBothSigns() {
        double[][] published = {
                {0, 0},
                {0.5, 0.5204998778130465377},
                {1, 0.8427007929497148693},
                {2, 0.9953222650189527342},
                {3, 0.9999779095030014146},
                {3.5, 0.9999992569016276586},
                {4, 0.9999999845827420997},
        };
        for (double[] p : published) {
            // the series holds about 1e-12; the tail's asymptotic series, from 3.5 on, about 1e-10
            double tolerance = p[0] < 3.5 ? 1e-12 : 1e-10;
            assertEquals(p[1], PlainErf.erf(p[0]), tolerance, "erf(" + p[0] + ")");
            assertEquals(-p[1], PlainErf.erf(-p[0]), tolerance, "erf(-" + p[0] + ")");
        }
    }

    /**
     * Between the grid's nodes erf is a Taylor polynomial about the nearest node; it agrees with the series it
     * replaced to the last bits where the series is exact, and within the series' own error (its cancellation, a few
     * 1e-13 near 3.5, which the nodes' values inherit) everywhere else.
     */
    @Test
    void theTaylorGridAgreesWithTheMaclaurinSeriesBetweenEveryPairOfNodes() {
        for (int i = 0; i < 350_000; i++) {
            double a = i * 1e-5;
            double tolerance = a < 2 ? 1e-14 : 5e-12;
            assertEquals(PlainErf.maclaurin(a), PlainErf.erf(a), tolerance, "erf(" + a + ")");
        }
    }

    @Test
    void geluIsHalfXTimesOnePlusErfOfXOverRootTwo() {
        assertEquals(0.8413447460685429, PlainErf.gelu(1), 1e-12);
        assertEquals(-0.15865525393145707, PlainErf.gelu(-1), 1e-12);
        assertEquals(0, PlainErf.gelu(0), 0);
    }
}
