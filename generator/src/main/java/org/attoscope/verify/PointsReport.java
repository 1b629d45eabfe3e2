package org.attoscope.verify;

/**
 * A page's embedded prediction points, as checked.
 *
 * @param story  the story they belong to
 * @param points how many prediction points, every one compared value by value with a fresh engine run
 * @param sha256 the sha256 of the points JSON as the build embeds it (and the fresh run reproduced)
 */
public record PointsReport(String story, int points, String sha256) {
}
