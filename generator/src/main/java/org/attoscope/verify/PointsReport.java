package org.attoscope.verify;

/**
 * A page's embedded prediction points, as checked.
 *
 * @param story  the story they belong to
 * @param points how many prediction points, every one compared value by value with the verifier's own forward pass
 * @param sha256 the sha256 of the points JSON as the page embeds it, every value of which the verifier's own forward
 *               pass confirmed within tolerance
 */
public record PointsReport(String story, int points, String sha256) {
}
