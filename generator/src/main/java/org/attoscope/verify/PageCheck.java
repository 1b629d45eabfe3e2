package org.attoscope.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attoscope.figures.CellMarkup;
import org.attoscope.pages.Addresses;
import org.attoscope.pages.SiteBuild;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Checks one built page from its bytes: parsed with an HTML5 parser (as a browser reads it), then every figure,
 * the embedded points, every {@code <svg>}, every script, and HTML validity with the Nu HTML Checker. Every element
 * carrying {@code data-bits} must belong to a figure whose kind the verifier can re-derive, so no cell goes
 * unchecked because of a kind it does not know.
 */
final class PageCheck {
    private final BuiltSite site;
    private final CaptureFigureCheck captureFigures;
    private final EngineFigureCheck engineFigures;
    private final PointsCheck points;
    private final NuHtmlChecker html;
    private final List<AcceptedHtmlMessage> accepted;
    private final ScriptAllowList allowList;
    private final java.util.function.IntFunction<String> words;
    private final int unkId;
    /**
     * Where the HTML checker is told a page lives: an http origin, so the page's Content-Security-Policy
     * {@code 'self'} names the site's own files as it does in a browser (file:// has no origin for the checker).
     */
    private static final String ORIGIN = "http://site.attoscope.invalid/";

    PageCheck(BuiltSite site, CaptureFigureCheck captureFigures, EngineFigureCheck engineFigures, PointsCheck points,
              NuHtmlChecker html, List<AcceptedHtmlMessage> accepted, java.util.function.IntFunction<String> words,
              int unkId, ScriptAllowList allowList) {
        this.allowList = allowList;
        this.words = words;
        this.unkId = unkId;
        this.site = site;
        this.captureFigures = captureFigures;
        this.engineFigures = engineFigures;
        this.points = points;
        this.html = html;
        this.accepted = accepted;
    }

    PageOutcome check(String path) {
        return check(path, new PageInputs());
    }

    /**
     * Starts setting up the HTML checkers in the background, if that has not begun: the page checks to come then
     * share them instead of each setting one up as it needs it. Idempotent and cheap; a run whose pages all come
     * from the verification cache never calls it, and so never pays for the set-up.
     */
    void prepare() {
        html.prepare();
    }

    /**
     * As {@link #check(String)}, recording in {@code reads} the files of the site it resolved. Everything else it
     * reads is the page's bytes, the stories it asks for (recorded by {@link AuditedStories#recording}) and what every
     * check shares: the model, the captures, {@code site.json}'s base URL and the verifier's own code (its rules, its
     * scales' data, its HTML checker and schema).
     */
    PageOutcome check(String path, PageInputs reads) {
        String file = site.name(path);
        byte[] bytes = site.read(path);
        Document page = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "", Parser.htmlParser());
        List<Finding> findings = new ArrayList<>();

        // The points first: the check of a story's explorer page starts the story's run with the JSON it has parsed.
        PointsCheck.Outcome embedded = points.check(file, path, page);

        List<FigureReport> figures = new ArrayList<>();
        int cellsInFigures = 0;
        int number = 0;
        for (Element svg : page.select("svg." + FigureOnPage.FIGURE_CLASS)) {
            FigureOnPage figure = FigureOnPage.of(++number, svg);
            FigureOutcome outcome;
            if (CaptureFigureCheck.KINDS.contains(figure.kind())) {
                outcome = captureFigures.check(file, figure);
            } else if (EngineFigureCheck.KINDS.contains(figure.kind())) {
                outcome = engineFigures.check(file, figure);
            } else {
                outcome = new FigureOutcome(new FigureReport(number, figure.kind(), figure.title(), figure.scaleId(), 0, null, List.of()), List.of());
            }
            if (CaptureFigureCheck.KINDS.contains(figure.kind()) || EngineFigureCheck.KINDS.contains(figure.kind())) {
                cellsInFigures += svg.select("[" + CellMarkup.BITS + "]").size();
            }
            figures.add(outcome.report());
            findings.addAll(outcome.findings());
        }
        int cellsOnPage = page.select("[" + CellMarkup.BITS + "]").size();
        if (cellsOnPage != cellsInFigures) {
            findings.add(Finding.of(file, (cellsOnPage - cellsInFigures) + " elements carry data-bits outside any figure whose "
                    + "values the verifier can re-derive (heatmap, cells, logits, attention-matrix, point); their values cannot be checked"));
        }

        if (embedded != null) {
            findings.addAll(embedded.findings());
            if (embedded.story() != null && path.equals(Addresses.explorer(embedded.story().story().slug()))) {
                findings.addAll(PanelCheck.check(file, page, embedded.story(), words, unkId, SiteBuild.TOP_N));
            }
        } else if (Addresses.explorerSlug(path).isPresent()) {
            findings.add(Finding.of(file, "an explorer page without its embedded points (<script id=\"" + PointsCheck.SCRIPT_ID + "\">)"));
        }

        findings.addAll(SvgCheck.check(file, page));
        for (Element script : page.select("script")) {
            if (ScriptCheck.isCode(script.attr("type")) && !script.hasAttr("src")) {
                findings.addAll(ScriptCheck.check(file, "inline <script>", script.data()));
            }
        }
        findings.addAll(allowList.check(file, path, page, reads));

        Map<String, Integer> acceptedHere = new LinkedHashMap<>();
        List<String> dataBlocks = page.select("script[type=\"application/json\"]").stream().map(ScriptText::of).toList();
        for (HtmlMessage m : html.check(ORIGIN + path, InertDataBlocks.cut(bytes, dataBlocks))) {
            AcceptedHtmlMessage ok = accepted.stream().filter(a -> a.accepts(m)).findFirst().orElse(null);
            if (ok != null) {
                acceptedHere.merge(ok.message(), 1, Integer::sum);
            } else {
                findings.add(Finding.of(file, m.toString()));
            }
        }
        return new PageOutcome(path, page.title(), figures, embedded == null ? null : embedded.report(), acceptedHere,
                PageReferences.of(path, page), PageReferences.anchors(page), findings);
    }
}
