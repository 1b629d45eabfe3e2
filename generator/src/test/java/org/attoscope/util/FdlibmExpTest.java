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
}
