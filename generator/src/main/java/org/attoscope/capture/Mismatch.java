package org.attoscope.capture;

/**
 * One thing that should have been equal and was not: a tensor's hash against its lock, or a replayed tensor or
 * manifest field against the capture.
 *
 * @param subject  the tensor name, or a manifest field such as {@code "output_ids"}
 * @param expected what the capture says (null when the capture has no such tensor)
 * @param actual   what was found or recomputed (null when the run produced no such tensor)
 */
public record Mismatch(String subject, String expected, String actual) {

    @Override
    public String toString() {
        return subject + ": expected " + (expected == null ? "(nothing)" : expected) + ", got " + (actual == null ? "(nothing)" : actual);
    }
}
