package org.attoscope.capture;

import java.util.List;

/**
 * What re-running a capture found.
 *
 * @param capture         the capture's name
 * @param outcome         identical, drifted, or skipped (with a reason)
 * @param reason          why it was skipped, or null
 * @param tensorsCompared how many of the manifest's tensors were compared with a fresh run
 * @param drifts          every difference, in name order; empty unless {@link Outcome#DRIFTED}
 */
public record ReplayReport(String capture, Outcome outcome, String reason, int tensorsCompared, List<Mismatch> drifts) {

    public enum Outcome {
        /** every tensor hash, the prompt ids and the outputs equal a fresh run's */
        IDENTICAL,
        /** a fresh run differs; {@link #drifts} says where */
        DRIFTED,
        /** not re-run; {@link #reason} says why */
        SKIPPED
    }

    public ReplayReport {
        drifts = List.copyOf(drifts);
    }

    static ReplayReport skipped(String capture, String reason) {
        return new ReplayReport(capture, Outcome.SKIPPED, reason, 0, List.of());
    }

    static ReplayReport compared(String capture, int tensorsCompared, List<Mismatch> drifts) {
        return new ReplayReport(capture, drifts.isEmpty() ? Outcome.IDENTICAL : Outcome.DRIFTED, null, tensorsCompared, drifts);
    }
}
