package org.attoscope.verify;

import java.util.List;

/** One figure's entry in the report and what was wrong with it. */
record FigureOutcome(FigureReport report, List<Finding> findings) {

    FigureOutcome {
        findings = List.copyOf(findings);
    }
}
