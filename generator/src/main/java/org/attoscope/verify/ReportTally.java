package org.attoscope.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums what the page and capture checks covered into the report, page by page and for the whole site. */
final class ReportTally {
    private final String verifier;
    private final String modelSha256;

    /**
     * @param verifier    the verifier's rule set ({@link SiteVerification#VERSION})
     * @param modelSha256 the model the site was checked against
     */
    ReportTally(String verifier, String modelSha256) {
        this.verifier = verifier;
        this.modelSha256 = modelSha256;
    }

    /**
     * @param pages    every page but the report, in the site's order
     * @param links    counts each page's links, the report's own files counted as present
     * @param assets   how many scripts and style sheets the site has
     */
    VerificationReport report(List<PageOutcome> pages, List<CaptureChecks.Outcome> captured, LinkCheck links, int assets) {
        List<VerificationReport.PageReport> pageReports = new ArrayList<>();
        Map<String, Integer> accepted = new LinkedHashMap<>();
        int figures = 0;
        int cells = 0;
        Double contrastMin = null;
        int internal = 0;
        int fragments = 0;
        int external = 0;
        int points = 0;
        for (PageOutcome p : pages) {
            LinkCheck.Tally tally = links.check(p.path(), p.references());
            VerificationReport.Links pageLinks = new VerificationReport.Links(tally.internal(), tally.fragments(), tally.external());
            p.accepted().forEach((m, n) -> accepted.merge(m, n, Integer::sum));
            pageReports.add(new VerificationReport.PageReport(p.path(), p.title(), pageLinks,
                    p.accepted().values().stream().mapToInt(Integer::intValue).sum(), p.points(), p.figures()));
            for (FigureReport f : p.figures()) {
                figures++;
                cells += f.cellsChecked();
                if (f.contrastMin() != null && (contrastMin == null || f.contrastMin() < contrastMin)) {
                    contrastMin = f.contrastMin();
                }
            }
            internal += tally.internal();
            fragments += tally.fragments();
            external += tally.external().size();
            points += p.points() == null ? 0 : p.points().points();
        }
        List<VerificationReport.AcceptedUse> acceptedUses = AcceptedHtmlMessage.SITE.stream()
                .map(a -> new VerificationReport.AcceptedUse(a.message(), a.reason(), accepted.getOrDefault(a.message(), 0))).toList();
        VerificationReport.Summary summary = new VerificationReport.Summary(pages.size(), figures, cells, contrastMin, internal,
                fragments, external, points, captured.size(), assets);
        return new VerificationReport(verifier, "Nu Html Checker " + NuHtmlChecker.VERSION, modelSha256, summary,
                VerificationReport.verifierMethods(),
                acceptedUses, captured.stream().map(CaptureChecks.Outcome::report).toList(), pageReports);
    }
}
