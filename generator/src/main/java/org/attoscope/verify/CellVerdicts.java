package org.attoscope.verify;

import java.util.ArrayList;
import java.util.List;
import org.attoscope.verify.audit.AuditLabels;
import org.attoscope.verify.audit.AuditScale;
import org.attoscope.verify.audit.Srgb;

/**
 * Collects, for one figure, the findings on its cells and the lowest label contrast, so the capture and engine
 * checks word and measure cells the same way. What a cell should show is derived here, by the verifier's own
 * scale ({@link AuditScale}), labels ({@link AuditLabels}) and WCAG arithmetic ({@link Srgb}), never by the
 * figures' encoder.
 */
final class CellVerdicts {
    /** WCAG 2 AA for normal text. */
    static final double MIN_CONTRAST = 4.5;
    /**
     * A fill may differ by one 8-bit step per channel: two correct programs can round a channel that lies within
     * float noise of a half step differently. A wrong scale misses by far more.
     */
    static final int FILL_STEPS = 1;

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

    /**
     * Compares a drawn cell with what the value it must hold looks like.
     *
     * @param drawn       the cell as the page shows it
     * @param value       the float it must hold (re-read from the capture's bytes, or the page's own value once an
     *                    independent forward pass confirmed it within tolerance)
     * @param scale       the figure's declared scale, as the verifier reads it
     * @param masked      whether the cell must be drawn causal-masked
     * @param valueSource where {@code value} came from, for the finding's wording
     */
    void compare(PageCell drawn, float value, AuditScale scale, boolean masked, String valueSource) {
        checked++;
        String bits = AuditLabels.bits(value);
        if (!bits.equals(drawn.bits())) {
            cell(drawn, "bits " + drawn.bits() + " on the page, " + bits + " from " + valueSource);
        }
        if (drawn.masked() != masked) {
            cell(drawn, "masked " + drawn.masked() + " on the page, " + masked + " expected");
        }
        if (masked && value != 0) {
            cell(drawn, "a causal-masked cell holds " + AuditLabels.shortest(value) + ", not 0");
        }
        Srgb fill;
        if (masked) {
            fill = AuditScale.maskedFill();
        } else if (!Float.isFinite(value) || !scale.contains(value)) {
            cell(drawn, "value " + AuditLabels.shortest(value) + " lies outside the declared scale " + scale.id());
            return;
        } else {
            fill = scale.fill(value);
        }
        if (drawn.fill() == null || !drawn.fill().near(fill, FILL_STEPS)) {
            cell(drawn, "fill " + (drawn.fill() == null ? "none" : drawn.fill().hex()) + " on the page, " + fill.hex()
                    + " by the verifier's own reading of " + scale.id());
        }
        String label = drawn.integer() ? AuditLabels.ofInteger(value) : AuditLabels.ofFloat(value);
        if (label == null) {
            cell(drawn, "marked an exact integer, but holds " + AuditLabels.shortest(value));
        } else if (drawn.label() != null && !label.equals(drawn.label())) {
            cell(drawn, "label '" + drawn.label() + "' on the page, '" + label + "' by FORMATS.md section 6");
        }
        String tooltip = AuditLabels.shortest(value) + " (float32 bits " + bits + ")" + (masked ? ", masked" : "");
        if (drawn.compact() ? drawn.tooltip() != null : drawn.tooltip() == null || !drawn.tooltip().endsWith(": " + tooltip)) {
            cell(drawn, "tooltip '" + drawn.tooltip() + "' on the page does not end with '" + tooltip + "'");
        }
        if (drawn.label() != null && drawn.fill() != null) {
            Srgb best = Srgb.BLACK.contrast(drawn.fill()) >= Srgb.WHITE.contrast(drawn.fill()) ? Srgb.BLACK : Srgb.WHITE;
            if (drawn.labelColour() == null || !drawn.labelColour().equals(best)) {
                cell(drawn, "label colour " + (drawn.labelColour() == null ? "none" : drawn.labelColour().hex()) + " on the page, "
                        + best.hex() + " has the higher contrast on " + drawn.fill().hex());
            }
            if (drawn.labelColour() != null) {
                double contrast = drawn.labelColour().contrast(drawn.fill());
                contrastMin = Math.min(contrastMin, contrast);
                if (contrast < MIN_CONTRAST) {
                    cell(drawn, "label colour " + drawn.labelColour().hex() + " on fill " + drawn.fill().hex()
                            + " has contrast " + ContrastRatio.floor(contrast) + ":1, below WCAG AA " + MIN_CONTRAST + ":1");
                }
            }
        }
    }

    /** A cell that could not be compared at all (no such value, a value the scale refuses). */
    void unchecked(PageCell drawn, String problem) {
        checked++;
        cell(drawn, problem);
    }

    /** A value checked that is not drawn as a cell (a surprise mark). */
    void counted() {
        checked++;
    }

    void cell(PageCell drawn, String problem) {
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
