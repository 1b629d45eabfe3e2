package org.attoscope.trace;

/** A candidate next token and its probability at temperature 1, specials excluded. */
public record Prediction(int id, String token, double prob) {
}
