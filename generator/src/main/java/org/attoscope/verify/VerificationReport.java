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
 * @param modelSha256  the model the verifier's forward pass ran
 * @param summary      totals
 * @param methods      per check, the independent method that confirmed it
 * @param acceptedHtml the checker messages accepted on purpose, with their reasons and how often they occurred
 * @param captures     every capture of the content folder
 * @param pages        every page, by path
 */
public record VerificationReport(String verifier, String htmlChecker, String modelSha256, Summary summary,
                                 List<Method> methods, List<AcceptedUse> acceptedHtml, List<CaptureReport> captures,
                                 List<PageReport> pages) {

    public VerificationReport {
        methods = List.copyOf(methods);
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
     * @param points        prediction points compared with the verifier's own forward pass
     * @param captures      captures checked
     * @param assets        style sheets and scripts searched for network loads
     */
    public record Summary(int pages, int figures, int cellsChecked, Double contrastMin, int links, int fragments,
                          int externalLinks, int points, int captures, int assets) {
    }

    /**
     * How one check was confirmed: the verifier's own method, which shares data (never code) with what it checks.
     *
     * @param check  what is checked
     * @param method how, independently of the code that made it
     */
    public record Method(String check, String method) {
    }

    /** The methods of this verifier, in the order the report lists them. */
    public static List<Method> verifierMethods() {
        return List.of(
                new Method("Prediction points, explorer panels, attention and surprise figures",
                        "recomputed by the verifier's own forward pass (verify/audit/PlainForward, written plainly from the architecture "
                                + "in double, sharing no code with the fast engine) and compared within tolerance: weights and "
                                + "probabilities 1e-5, logits 1e-3; ties within float noise may order either way"),
                new Method("Why and what-if data (explain)",
                        "parts, final norm, ablations and link drops re-run by the same forward pass; the parts must add up to the logit"),
                new Method("What the data claims to mean",
                        "weights in [0, 1] summing to 1, at most k links inside the window, predictions ordered and summing to at most 1, "
                                + "captured attention rows summing to 1 and causal, top-k weights on the largest dense scores, "
                                + "the argmax of a step's logits the token it generated"),
                new Method("Captured values", "re-read from the capture's bytes after each tensor's sha256 hash lock"),
                new Method("Cell fills", "the verifier's own OKLab arithmetic over the scales' control points (figures/scales.json, "
                        + "the one definition both sides read; tested against cividis's published ends), within one 8-bit step"),
                new Method("Cell labels and tooltips", "the verifier's own formatting of FORMATS.md section 6 (BigDecimal, 6 significant "
                        + "digits half-even, trailing zeros dropped, approximately-sign; exactly 0, 1 and integers without it)"),
                new Method("Label contrast", "the verifier's own WCAG 2 relative luminance and contrast ratio of the colours on the page"),
                new Method("Stories", "read by the verifier's own rules: the tokenizer's ids, the first 512 tokens for an explorer"),
                new Method("Captures made with this model", "re-run by the fast engine, which must reproduce every tensor bit for bit"));
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
