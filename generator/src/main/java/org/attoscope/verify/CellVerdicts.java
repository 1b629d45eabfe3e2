package org.attoscope.verify;

import java.util.ArrayList;
import java.util.List;
import org.attoscope.figures.CellCheck;
import org.attoscope.figures.CellEncoding;
import org.attoscope.figures.DrawnCell;

/**
 * Collects, for one figure, the findings on its cells and the lowest label contrast, so the capture and engine
 * checks word and measure cells the same way.
 */
final class CellVerdicts {
    /** WCAG 2 AA for normal text. */
    static final double MIN_CONTRAST = 4.5;

    private final String file;
    private final String figure;
    private final String kind;
    private final List<Finding> findings = new ArrayList<>();
    private double contrastMin = Double.POSITIVE_INFINITY;
    private int checked;

    CellVerdicts(String file, String figure, String kind) {
        this.file = file;
        this.figure = figure;
        this.kind = kind;
    }

    /** Compares a drawn cell with the encoding of the value the bytes (or the engine) hold. */
    void compare(DrawnCell drawn, CellEncoding expected, String valueSource) {
        checked++;
        for (String difference : CellCheck.differences(drawn, expected)) {
            cell(drawn, difference.replace(" from the value", " from " + valueSource)
                    .replace(" in the capture", " from " + valueSource));
        }
        if (drawn.label() != null && drawn.labelColour() != null && drawn.fill() != null) {
            double contrast = drawn.labelColour().contrastWith(drawn.fill());
            contrastMin = Math.min(contrastMin, contrast);
            if (contrast < MIN_CONTRAST) {
                cell(drawn, "label colour " + drawn.labelColour().hex() + " on fill " + drawn.fill().hex()
                        + " has contrast " + ContrastRatio.floor(contrast) + ":1, below WCAG AA " + MIN_CONTRAST + ":1");
            }
        }
    }

    /** A cell that could not be compared at all (no such value, a value the scale refuses). */
    void unchecked(DrawnCell drawn, String problem) {
        checked++;
        cell(drawn, problem);
    }

    /** A value checked that is not drawn as a cell (a surprise mark). */
    void counted() {
        checked++;
    }

    void cell(DrawnCell drawn, String problem) {
        findings.add(new Finding(file, figure, FigureOnPage.cellName(kind, drawn), problem));
    }

    void figure(String problem) {
        findings.add(new Finding(file, figure, "", problem));
    }

    List<Finding> findings() {
        return findings;
    }

    int checked() {
        return checked;
    }

    /** The lowest contrast seen, floored to two decimals so the report never overstates it; null if none. */
    Double contrastMin() {
        return contrastMin == Double.POSITIVE_INFINITY ? null : ContrastRatio.floor(contrastMin);
    }
}
