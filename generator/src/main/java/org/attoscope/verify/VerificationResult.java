package org.attoscope.verify;

import java.util.List;

/**
 * The outcome of one verification.
 *
 * @param findings everything wrong, grouped by page, then site-wide checks; empty when the site is clean
 * @param report   what was checked (written into the site as its report)
 * @param timings  where the time went, for the command's summary line; never written into the site
 */
public record VerificationResult(List<Finding> findings, VerificationReport report, Timings timings) {

    public VerificationResult {
        findings = List.copyOf(findings);
    }

    public boolean clean() {
        return findings.isEmpty();
    }

    /**
     * @param totalMillis   wall-clock time of the whole verification
     * @param engineMillis  the verifier's own forward pass over every story, summed over threads
     * @param htmlMillis    the Nu HTML Checker, summed over pages (across threads, so it can exceed the total)
     * @param captureMillis hash locks and replays of the captures
     * @param cachedPages   pages whose outcome came from the verification cache, unchanged since a clean check
     */
    public record Timings(long totalMillis, long engineMillis, long htmlMillis, long captureMillis, int cachedPages) {
    }
}
