package org.attoscope.verify;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything checked on one page that needs only the page itself (and the captures and engine it names), plus
 * what the site-wide link check needs from it.
 *
 * @param path       the page, from the site root
 * @param title      its {@code <title>}
 * @param figures    what was checked in each figure, in page order
 * @param points     its embedded prediction points as checked, or null
 * @param accepted   how many times each accepted HTML message occurred on it
 * @param references every URL it names
 * @param anchors    every fragment target it offers
 * @param findings   what is wrong with it
 */
record PageOutcome(String path, String title, List<FigureReport> figures, PointsReport points, Map<String, Integer> accepted,
                   List<Reference> references, Set<String> anchors, List<Finding> findings) {
}
