package org.attoscope.trace;

/** One surviving edge of a head's sparse attention: the earlier position it reads and how much (float32, widened). */
public record AttentionLink(int source, double weight) {
}
