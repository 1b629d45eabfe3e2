package org.attoscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FdlibmExpTest {
    @Test
    void hasTheSameBitsAsStrictMathEverywhereItIsUsedAndAtTheEdges() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            double x = i % 2 == 0 ? rnd.nextDouble(-50, 1) : rnd.nextDouble(-750, 720);
            assertEquals(Double.doubleToRawLongBits(StrictMath.exp(x)), Double.doubleToRawLongBits(FdlibmExp.exp(x)), "exp(" + x + ")");
        }
        double[] edges = {0.0, -0.0, 1e-300, -1e-300, 0x1p-28, 0.34657359027997264, 1.0397207708399179, 709.782712893384,
            709.79, -745.1332191019411, -745.14, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -708.5, -1022 * Math.log(2)};
        for (double x : edges) {
            assertEquals(Double.doubleToRawLongBits(StrictMath.exp(x)), Double.doubleToRawLongBits(FdlibmExp.exp(x)), "exp(" + x + ")");
        }
    }

    @Test
    void theArrayFormHasTheSameBitsAsStrictMathOnEveryPathItsElementsTake() {
        SplittableRandom rnd = new SplittableRandom(2);
        double[] edges = {0.0, -0.0, -1e-300, -0x1p-28, -0.34657359027997264, -0.5, -1.0397207708399179,
            -Double.longBitsToDouble(0x3FF0A2B2_00000000L), -Math.nextDown(Double.longBitsToDouble(0x3FF0A2B2_00000000L)),
            -708, Math.nextDown(-708.0), -708.5, -745.1332191019411, -745.14, -1022 * Math.log(2), Double.NaN,
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 3.5, 709.79};
        int n = 100_000 + edges.length;
        double[] x = new double[n];
        for (int i = 0; i < 100_000; i++) {
            x[i] = switch (i % 3) {
                case 0 -> rnd.nextDouble(-30, 0);
                case 1 -> rnd.nextDouble(-760, 0);
                default -> (float) rnd.nextDouble(-2, 0) - (double) (float) rnd.nextDouble(0, 0.5);
            };
        }
        System.arraycopy(edges, 0, x, 100_000, edges.length);
        double[] out = new double[n];
        FdlibmExp.expAll(x, out, new double[n], n);
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(StrictMath.exp(x[i])), Double.doubleToRawLongBits(out[i]), "exp(" + x[i] + ")");
        }
    }
}
