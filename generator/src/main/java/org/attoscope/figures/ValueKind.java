package org.attoscope.figures;

/** What a stored number means, which decides whether its label is marked as rounded. */
public enum ValueKind {
    /** A measured float32 (weight, logit, activation): labelled to 6 significant digits with a leading ≈. */
    FLOAT,
    /** An exact integer stored as a number (token id, rank): labelled in full, no ≈. Must be integral. */
    INTEGER
}
