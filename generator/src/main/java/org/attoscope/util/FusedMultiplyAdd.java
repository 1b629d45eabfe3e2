package org.attoscope.util;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether {@link Math#fma} is one instruction here. Where it is not, the JDK computes it with {@code BigDecimal}:
 * with {@code -XX:-UseFMA}, 4 rows through a 160 by 160 matrix took 250 to 380 ms in fused multiply-adds against
 * 0.007 ms in products and sums (2026-12-02), so the loops that use it (the verifier's products and normaliser, the
 * re-runs' normaliser in {@code trace}) then take products and sums instead. A question about the hardware, not
 * arithmetic: the verifier and the code it checks each keep their own loops.
 */
public final class FusedMultiplyAdd {
    /** Asked once: the answer cannot change while the JVM runs, and the first question loads the management beans. */
    private static final boolean IN_HARDWARE = askTheVm();

    private FusedMultiplyAdd() {
    }

    /** HotSpot's {@code UseFMA}, which it sets from the processor; false on a JVM that does not say. */
    public static boolean inHardware() {
        return IN_HARDWARE;
    }

    private static boolean askTheVm() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return vm != null && Boolean.parseBoolean(vm.getVMOption("UseFMA").getValue());
        } catch (IllegalArgumentException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
