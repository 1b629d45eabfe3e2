package org.attoscope.verify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attoscope.pages.PageRenderer;
import org.attoscope.verify.VerificationReport.AcceptedUse;
import org.attoscope.verify.VerificationReport.PageReport;
import org.jsoup.nodes.Entities;

/**
 * {@code verification/index.html}: the report for a reader, in the site's layout (the body is written here, the
 * masthead, navigation and footer come from the site's templates). It links every page it describes, and is itself
 * checked after it is written.
 */
final class ReportPage {
    static final String TEMPLATE = "verification";

    private final StringBuilder html = new StringBuilder(64 * 1024);

    private ReportPage() {
    }

    /** The page, in the site's own layout: template {@code verification}, with this report as its body. */
    static byte[] write(VerificationReport report, PageRenderer pages) {
        ReportPage page = new ReportPage();
        page.render(report);
        return pages.render(BuiltSite.REPORT_PAGE, TEMPLATE, Map.of("reportBody", page.html.toString()));
    }

    private void render(VerificationReport r) {
        VerificationReport.Summary s = r.summary();
        line("<h1>Verification report</h1>");
        line("<p class=\"lede\">The build checked every page of this site from the files on disk before publishing it, "
                + "and publishes nothing that fails. This page lists what was checked. The same report as data: "
                + "<a href=\"report.json\">report.json</a>.</p>");
        line("<p>Verifier: " + esc(r.verifier()) + "; HTML checker: " + esc(r.htmlChecker()) + "; model sha256 <code>"
                + esc(r.modelSha256()) + "</code>.</p>");

        line("<h2 id=\"summary\">Summary</h2>");
        line("<ul>");
        item(s.pages() + " pages, " + s.figures() + " figures, " + s.cellsChecked() + " figure cells re-derived from the "
                + "captured bytes (after each tensor's hash lock) or from the verifier's own forward pass: bits, fill, label, label "
                + "colour and tooltip, each by the verifier's own method (below)");
        item("lowest label contrast: " + (s.contrastMin() == null ? "no labelled cells" : ratio(s.contrastMin()))
                + " (WCAG AA asks for 4.5:1)");
        item(s.points() + " prediction points embedded in explorer pages, each within tolerance of the verifier's own forward pass, "
                + "and the explorer panels' tokens, predictions and percentages with them");
        item(s.links() + " relative links resolved to files of the site, " + s.fragments() + " of them to an element id; "
                + s.externalLinks() + " outbound links to other sites (allowed: they load nothing until followed)");
        item("nothing is loaded from the network: no remote scripts, style sheets, images, CSS url() or @import, and "
                + "no fetch or XMLHttpRequest in the " + s.assets() + " style sheets and scripts");
        item("every page valid HTML by the Nu HTML Checker, every SVG an image with a title and a description");
        item(s.captures() + " captures: every tensor's hash lock and finite values, and a re-run of every capture "
                + "made with this model");
        line("</ul>");
        line("<p>This page itself is checked after it is written (HTML validity, links, SVG, network) and is not "
                + "listed below, so the report never describes its own description.</p>");

        line("<h2 id=\"methods\">How each check was confirmed</h2>");
        line("<p>The verifier is a second opinion: it shares definitions (the model's weights, the scales' control points) with "
                + "the code that made the site, never that code itself.</p>");
        line("<table><thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Independent method</th></tr></thead><tbody>");
        for (VerificationReport.Method m : r.methods()) {
            line("<tr><td>" + esc(m.check()) + "</td><td>" + esc(m.method()) + "</td></tr>");
        }
        line("</tbody></table>");

        line("<h2 id=\"accepted-html\">Accepted HTML checker messages</h2>");
        if (r.acceptedHtml().isEmpty()) {
            line("<p>None: any message of the checker fails the build.</p>");
        } else {
            line("<p>Every other message of the checker, warnings included, fails the build.</p>");
            line("<table><thead><tr><th scope=\"col\">Message</th><th scope=\"col\">Occurrences</th><th scope=\"col\">Why it is accepted</th></tr></thead><tbody>");
            for (AcceptedUse a : r.acceptedHtml()) {
                line("<tr><td>" + esc(a.message()) + "</td><td>" + a.occurrences() + "</td><td>" + esc(a.reason()) + "</td></tr>");
            }
            line("</tbody></table>");
        }

        line("<h2 id=\"captures\">Captures</h2>");
        line("<table><thead><tr><th scope=\"col\">Capture</th><th scope=\"col\">Tensors</th><th scope=\"col\">Hash locks held</th>"
                + "<th scope=\"col\">Re-run</th></tr></thead><tbody>");
        for (CaptureReport c : r.captures()) {
            String replay = c.replay() + (c.skippedBecause() != null ? ": " + c.skippedBecause()
                    : c.replay().equals("identical") ? " (" + c.tensorsReplayed() + " tensors bit for bit)" : "");
            line("<tr><td>" + esc(c.name()) + "</td><td>" + c.tensors() + "</td><td>" + c.locksHeld() + "</td><td>" + esc(replay) + "</td></tr>");
        }
        line("</tbody></table>");

        line("<h2 id=\"pages\">Pages</h2>");
        int n = 0;
        for (PageReport p : r.pages()) {
            page(++n, p);
        }
        line("<p class=\"muted\">Produced by the verifier from the staged site, before it replaced the previous one.</p>");
    }

    private void page(int n, PageReport p) {
        line("<section aria-labelledby=\"page-" + n + "\">");
        line("<h3 id=\"page-" + n + "\"><a href=\"../" + attr(p.path()) + "\">" + esc(p.path()) + "</a></h3>");
        StringBuilder facts = new StringBuilder();
        facts.append(esc(p.title())).append(". Links: ").append(p.links().internal()).append(" internal (")
                .append(p.links().fragments()).append(" with a fragment)");
        if (!p.links().external().isEmpty()) {
            facts.append(", outbound: ").append(esc(String.join(", ", p.links().external())));
        }
        facts.append(". Accepted HTML messages: ").append(p.htmlAccepted()).append('.');
        if (p.points() != null) {
            facts.append(" Embedded points of story ").append(esc(p.points().story())).append(": ").append(p.points().points())
                    .append(" prediction points, sha256 <code>").append(esc(p.points().sha256())).append("</code>.");
        }
        line("<p>" + facts + "</p>");
        if (!p.figures().isEmpty()) {
            line("<table><thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Cells checked</th><th scope=\"col\">Lowest contrast</th>"
                    + "<th scope=\"col\">Tensors (source, name, shape, dtype, sha256, cells)</th></tr></thead><tbody>");
            for (FigureReport f : p.figures()) {
                StringBuilder tensors = new StringBuilder();
                for (TensorUsed t : f.tensors()) {
                    tensors.append(tensors.length() == 0 ? "" : "<br>").append(esc(t.source())).append(' ').append(esc(t.tensor()))
                            .append(' ').append(esc(t.shape().toString())).append(' ').append(esc(t.dtype())).append(" <code>")
                            .append(esc(t.sha256())).append("</code> ").append(t.cells());
                }
                line("<tr><td>" + f.number() + ". " + esc(f.title()) + " <span class=\"muted\">(" + esc(f.kind())
                        + (f.scale().isEmpty() ? "" : ", scale " + esc(f.scale())) + ")</span></td><td>" + f.cellsChecked() + "</td><td>"
                        + (f.contrastMin() == null ? "–" : ratio(f.contrastMin())) + "</td><td>" + (tensors.length() == 0 ? "–" : tensors) + "</td></tr>");
            }
            line("</tbody></table>");
        }
        line("</section>");
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f:1", r);
    }

    private void item(String text) {
        line("<li>" + esc(text) + "</li>");
    }

    private void line(String s) {
        html.append(s).append('\n');
    }

    private static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }

    private static String attr(String s) {
        return esc(s).replace("\"", "&quot;");
    }

    static List<String> files() {
        return List.of(BuiltSite.REPORT_PAGE, BuiltSite.REPORT_JSON);
    }
}
