package org.attoscope.verify;

import java.util.List;

/**
 * What a verification checked, for the site's report page and {@code report.json}. Deterministic: it holds no
 * times, and lists pages, figures and captures in a fixed order. It describes every page except the report page
 * itself, which is written from this and then checked (HTML validity, links, SVG, network) like any other page,
 * so the report never has to describe its own description.
 *
 * @param verifier     the verifier and its rule set
 * @param htmlChecker  the Nu HTML Checker release
 * @param modelSha256  the model the fresh engine runs used
 * @param summary      totals
 * @param acceptedHtml the checker messages accepted on purpose, with their reasons and how often they occurred
 * @param captures     every capture of the content folder
 * @param pages        every page, by path
 */
public record VerificationReport(String verifier, String htmlChecker, String modelSha256, Summary summary,
                                 List<AcceptedUse> acceptedHtml, List<CaptureReport> captures, List<PageReport> pages) {

    public VerificationReport {
        acceptedHtml = List.copyOf(acceptedHtml);
        captures = List.copyOf(captures);
        pages = List.copyOf(pages);
    }

    /**
     * @param pages         HTML pages checked (the report page aside)
     * @param figures       figures on them
     * @param cellsChecked  value cells and marks re-derived from bytes or the engine
     * @param contrastMin   the lowest label contrast of any labelled cell, floored to 2 decimals, or null
     * @param links         relative URLs resolved inside the site
     * @param fragments     of those, #fragments resolved to an element
     * @param externalLinks outbound links to other sites, allowed because they load nothing until followed
     * @param points        prediction points compared with a fresh engine run
     * @param captures      captures checked
     * @param assets        style sheets and scripts searched for network loads
     */
    public record Summary(int pages, int figures, int cellsChecked, Double contrastMin, int links, int fragments,
                          int externalLinks, int points, int captures, int assets) {
    }

    /** An accepted HTML checker message and how often it occurred across the pages. */
    public record AcceptedUse(String message, String reason, int occurrences) {
    }

    /**
     * One page.
     *
     * @param path         from the site root
     * @param title        its title
     * @param links        what its URLs came to
     * @param htmlAccepted accepted checker messages on it (each listed, with its reason, at the top of the report)
     * @param points       its embedded prediction points, or null
     * @param figures      its figures, in page order
     */
    public record PageReport(String path, String title, Links links, int htmlAccepted, PointsReport points,
                             List<FigureReport> figures) {
        public PageReport {
            figures = List.copyOf(figures);
        }
    }

    /**
     * @param internal  relative URLs, each resolved to a file inside the site
     * @param fragments of those, the ones with a #fragment, each resolved to an element of its page
     * @param external  outbound links to other sites, as written
     */
    public record Links(int internal, int fragments, List<String> external) {
        public Links {
            external = List.copyOf(external);
        }
    }
}
