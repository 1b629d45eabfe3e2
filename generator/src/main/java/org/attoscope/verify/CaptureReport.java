package org.attoscope.verify;

/**
 * What the verifier did with one capture of the content folder.
 *
 * @param name            the capture's name
 * @param tensors         how many tensors it holds
 * @param locksHeld       how many of them hash to their lock (and hold only finite values)
 * @param replay          {@code identical}, {@code drifted} or {@code skipped}
 * @param tensorsReplayed how many tensors a fresh run of its prompt reproduced and compared
 * @param skippedBecause  why it was not re-run, or null
 */
public record CaptureReport(String name, int tensors, int locksHeld, String replay, int tensorsReplayed, String skippedBecause) {
}
