package org.attoscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shared mapper writes doubles with Jackson's Schubfach writer and reads them with its fast parser: the text
 * must be the JDK's own {@code Double.toString} for every magnitude a trace holds, and every number must read back
 * to the same bits.
 */
class JsonTest {

    @Test
    void doublesAreWrittenAsTheJdkWritesThemAndReadBackToTheSameBits() throws Exception {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 100_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (!Float.isFinite(f) || Math.abs(f) > 1e7f) {
                continue;
            }
            double displayed = new BigDecimal(f).round(new MathContext(6)).doubleValue();
            for (double value : new double[] {f, displayed}) {
                String text = Json.writer().writeValueAsString(value);
                assertEquals(Double.toString(value), text);
                assertEquals(Double.doubleToRawLongBits(value),
                        Double.doubleToRawLongBits(Json.reader().readTree(text).doubleValue()), text);
            }
        }
    }
}
