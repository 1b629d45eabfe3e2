package org.attoscope.verify;

import static org.attoscope.verify.SharedChecker.HTML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.util.Folders;
import java.util.List;
import java.util.regex.Pattern;
import org.attoscope.InputException;
import org.attoscope.util.Json;
import org.attoscope.util.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier against a small site built once with every kind of figure, and copies of it that a tester tampered
 * with: each change is caught, named by page, figure and cell, with what the page says and what the bytes say.
 */
class SiteVerificationTest {
    private static final String HOW = "site/how-it-works/index.html";
    private static final String HEATMAP = "figure 1 (tiny-run step00.attention_00 [0, 0, :, :])";

    @TempDir
    static Path dir;
    static TestSite site;

    @BeforeAll
    static void buildOnce() {
        site = TestSite.build(dir, HTML);
    }

    private static List<String> verify(Path siteDir) {
        return verify(siteDir, site.content);
    }

    private static List<String> verify(Path siteDir, Path content) {
        return TestSite.lines(site.verification(content, HTML).check(siteDir, site.pages()).findings());
    }

    @Test
    void theBuiltSiteVerifiesCleanWithTheReportTheBuildWroteIntoIt() {
        VerificationResult result = site.verification(site.content, HTML).check(site.site, site.pages());
        assertEquals(List.of(), TestSite.lines(result.findings()));
        assertTrue(result.clean());
    }

    @Test
    void theHtmlCheckerSaysTheSameOfEveryBuiltPageWholeAndWithItsDataBlocksCut() throws IOException {
        // the real templates' pages: their content-security policy, the accepted message it gives each data block
        int withBlocks = 0;
        try (var files = Files.walk(site.site)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(page);
                List<String> blocks = org.jsoup.Jsoup.parse(new String(bytes, StandardCharsets.UTF_8))
                        .select("script[type=\"application/json\"]").stream().map(ScriptText::of).toList();
                byte[] cut = InertDataBlocks.cut(bytes, blocks);
                assertEquals(HTML.check(page.toString(), bytes), HTML.check(page.toString(), cut), page.toString());
                if (!blocks.isEmpty()) {
                    withBlocks++;
                    assertTrue(cut.length < bytes.length, page + ": its data blocks are cut");
                }
            }
        }
        assertTrue(withBlocks > 1, "the explorers' points, at least");
    }

    @Test
    void aChangedFillIsCaughtWithPageFigureCellAndBothColours() {
        Path copy = site.copyOfSite("fill");
        TestSite.edit(copy.resolve("how-it-works/index.html"), html -> inCell(html, "0,0,2,2", "fill:rgb(254,233,69)", "fill:rgb(250,233,69)"));
        assertEquals(List.of(HOW + ", " + HEATMAP + ", cell (2,2): fill #fae945 on the page, #fee945 by the verifier's own reading of sequential[0,1]"), verify(copy));
    }

    @Test
    void aChangedLabelIsCaughtWithTheLabelTheCapturedFloatGives() {
        Path copy = site.copyOfSite("label");
        TestSite.edit(copy.resolve("how-it-works/index.html"), html -> inCell(html, "0,0,2,2", ">≈0.997989<", ">≈0.99<"));
        assertEquals(List.of(HOW + ", " + HEATMAP + ", cell (2,2): label '≈0.99' on the page, '≈0.997989' by FORMATS.md section 6"), verify(copy));
    }

    @Test
    void aCellClaimingOtherBitsIsCaughtAndSoIsAWeightChangedInAnEngineFigure() {
        Path copy = site.copyOfSite("bits");
        TestSite.edit(copy.resolve("how-it-works/index.html"), html -> inCell(html, "0,0,2,2", "data-bits='3f7f7c3a'", "data-bits='3f7f7c3b'"));
        TestSite.edit(copy.resolve("explore/mat/index.html"), html -> html.replaceFirst("data-bits=\"3f800000\"", "data-bits=\"3f000000\""));
        List<String> findings = verify(copy);
        assertTrue(findings.contains(HOW + ", " + HEATMAP + ", cell (2,2): bits 3f7f7c3b on the page, 3f7f7c3a from the capture"), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("site/explore/mat/index.html, figure 1 (mat points.heads[0] head 0), cell (")
                && f.endsWith(": weight 0.5 on the page, 1.0 from an independent forward pass")), findings.toString());
    }

    /** A matrix cell's query and key are where it is drawn: the verifier reads them from there (verify.PageCell). */
    @Test
    void aMatrixCellDrawnInAnotherColumnIsCaughtThere() {
        Path copy = site.copyOfSite("moved");
        // query 0's one link (to itself, weight exactly 1) drawn one column to the right, its bits unchanged
        TestSite.edit(copy.resolve("explore/mat/index.html"), html -> html.replaceFirst(
                "(<g data-bits=\"3f800000\"><path stroke=\"[^\"]+\" d=\")M0 0h(\\d+)\"", "$1M$2 0h$2\""));
        List<String> findings = verify(copy);
        String figure = "site/explore/mat/index.html, figure 1 (mat points.heads[0] head 0)";
        assertTrue(findings.stream().anyMatch(f -> f.startsWith(figure) && f.contains("cell (0,1)")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith(figure) && f.contains("cell (0,0) of head 0 is missing")), findings.toString());
    }

    @Test
    void aChangedEmbeddedAttentionWeightIsCaughtAtItsJsonPath() {
        Path copy = site.copyOfSite("weight");
        TestSite.edit(copy.resolve("explore/cat-and-dog/index.html"), html -> html.replaceFirst("\"weight\":0\\.990127(?=[,}])", "\"weight\":0.5"));
        List<String> findings = verify(copy);
        // the weight, the head's sum, and the report, which names the sha256 of the data the page embeds
        assertEquals(4, findings.size(), findings.toString());
        assertTrue(findings.get(2).startsWith("site/verification/report.json: the report does not describe this site"), findings.get(2));
        // the verifier's own forward pass gives the weight in double: equal to the engine's within float tolerance
        assertTrue(Pattern.matches("site/explore/cat-and-dog/index\\.html, embedded points of cat-and-dog: points\\[\\d+]\\.heads\\[\\d]\\[\\d]: weight "
                + "0\\.5 on the page, 0\\.99012\\d+ from an independent forward pass", findings.get(0)), findings.get(0));
        // the page carries 6 significant digits (pages.DisplayedNumbers)
        assertTrue(findings.get(1).endsWith(": the weights sum to " + (0.5 + (1 - 0.990127)) + ", not 1")
                || findings.get(1).contains(": the weights sum to "), findings.get(1));
    }

    @Test
    void aBrokenLinkAndABrokenAnchorAreCaught() {
        Path copy = site.copyOfSite("links");
        TestSite.edit(copy.resolve("explore/mat/index.html"), html -> html
                .replaceFirst("href=\"../../how-it-works/index.html\"", "href=\"../../how-it-works/index.htm\"")
                .replaceFirst("href=\"#main\"", "href=\"#mian\""));
        assertEquals(List.of(
                "site/explore/mat/index.html: <a href> \"#mian\": no element of site/explore/mat/index.html has id \"mian\"",
                "site/explore/mat/index.html: <a href> \"../../how-it-works/index.htm\": points to site/how-it-works/index.htm, which does not exist"),
                verify(copy));
    }

    @Test
    void oneChangedByteOfACaptureBreaksItsHashLockAndTheFigureThatShowsIt() throws IOException {
        Path content = site.copyOfContent("content-byte");
        Path file = content.resolve("captures/tiny-run.safetensors");
        byte[] bytes = Files.readAllBytes(file);
        bytes[offsetOf(bytes, "step00.attention_00", 12)] ^= 1;
        Files.write(file, bytes);
        String lock = manifestSha(content, "step00.attention_00");
        String now = Sha256.hex(tensorBytes(bytes, "step00.attention_00"));
        List<String> findings = verify(site.site, content);
        assertTrue(findings.contains(file + ": tensor step00.attention_00 does not match its hash lock: the manifest says sha256 " + lock
                + ", its bytes hash to " + now), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith(HOW + ", " + HEATMAP + ": capture tiny-run: tensor step00.attention_00 does not match its hash lock")),
                findings.toString());
    }

    @Test
    void aNaNInACaptureIsRefusedWithItsTensorAndIndexEvenUnderAValidLock() throws IOException {
        Path content = site.copyOfContent("content-nan");
        Path file = content.resolve("captures/tiny-run.safetensors");
        byte[] bytes = Files.readAllBytes(file);
        // [0, 1, 3] of a [1, 5, 8] tensor is flat index 11
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(offsetOf(bytes, "step00.hidden_state_00", 11), 0x7fc00000);
        Files.write(file, bytes);
        String lock = manifestSha(content, "step00.hidden_state_00");
        String relocked = Sha256.hex(tensorBytes(bytes, "step00.hidden_state_00"));
        TestSite.edit(content.resolve("captures/tiny-run.json"), json -> json.replace(lock, relocked));
        List<String> findings = verify(site.site, content);
        assertTrue(findings.contains(file + ": capture tiny-run, tensor step00.hidden_state_00 holds NaN at index [0,1,3] (stored bits 0x7fc00000)."),
                findings.toString());
    }

    @Test
    void networkLoadsAreRefusedWhileOutboundReadingLinksAreListed() {
        Path copy = site.copyOfSite("network");
        TestSite.edit(copy.resolve("index.html"), html -> html.replace("</main>",
                "<p><img src=\"https://cdn.example/x.png\" alt=\"x\"> <a href=\"https://example.org/read\">read</a> "
                        + "<a href=\"https://tiny.example/site/explore/index.html\">self</a></p></main>"));
        TestSite.edit(copy.resolve("assets/explorer.js"), js -> js + "\nfetch('points.json');\n");
        TestSite.edit(copy.resolve("assets/site.css"), css -> css + "\n@font-face { font-family: x; src: url(//fonts.example/x.woff); }\n");
        List<String> findings = verify(copy);
        assertTrue(findings.contains("site/index.html: <img src> \"https://cdn.example/x.png\": loads from the network; the site must work offline, "
                + "so bundle it under the site folder"), findings.toString());
        assertTrue(findings.contains("site/index.html: <a href> \"https://tiny.example/site/explore/index.html\": an absolute link to the site itself "
                + "(its base URL https://tiny.example/site); write it relative so it works from any copy"), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("site/assets/explorer.js: script line ") && f.contains("\"fetch(\" requests something over the network")),
                findings.toString());
        assertTrue(findings.contains("site style sheets: url() in style sheet assets/site.css \"//fonts.example/x.woff\": a protocol-relative URL: "
                + "it loads from the network, and from file:// it finds nothing"), findings.toString());
        assertFalse(findings.stream().anyMatch(f -> f.contains("example.org/read")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("site/verification/report.json: the report does not describe this site as it is now")),
                "the outbound link changes the report's link list: " + findings);
    }

    @Test
    void onlyThe404PageLinksFromTheSitesPathOnItsHostAndEachSuchLinkMustLandOnAFileOfTheSite() throws IOException {
        Path copy = site.copyOfSite("hosted-404");
        assertTrue(Files.readString(copy.resolve("404.html")).contains("href=\"/site/assets/site.css\""), "the base URL is https://tiny.example/site");
        TestSite.edit(copy.resolve("404.html"), html -> html.replace("</main>",
                "<p><a href=\"/site/explore/nope/index.html\">gone</a> <a href=\"/elsewhere/index.html\">out</a></p></main>"));
        TestSite.edit(copy.resolve("index.html"), html -> html.replace("</main>", "<p><a href=\"/site/index.html\">home</a></p></main>"));
        List<String> findings = verify(copy);
        assertTrue(findings.contains("site/404.html: <a href> \"/site/explore/nope/index.html\": points to site/explore/nope/index.html, which does not exist"),
                findings.toString());
        assertTrue(findings.contains("site/404.html: <a href> \"/elsewhere/index.html\": a path outside the site's own path on its host (/site/, from the base URL)"),
                findings.toString());
        assertTrue(findings.contains("site/index.html: <a href> \"/site/index.html\": an absolute path: from file:// it points at the root of the disk; write it relative"),
                findings.toString());
        assertFalse(findings.stream().anyMatch(f -> f.contains("/site/assets/site.css")), "the 404 page's own links resolve: " + findings);
    }

    @Test
    void anSvgWithoutADescriptionAndInvalidHtmlAreCaught() {
        Path copy = site.copyOfSite("markup");
        TestSite.edit(copy.resolve("how-it-works/index.html"), html -> html
                .replaceFirst("<desc>[^<]*</desc>", "")
                .replace("<main id=\"main\"", "<p id=\"main\"></p><main id=\"main\""));
        List<String> findings = verify(copy);
        assertTrue(findings.contains(HOW + ": svg 1 (Heatmap of step00.attention_00 [0, 0, :, :]) has no <desc>"), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith(HOW + ": line ") && f.contains("HTML error: Duplicate ID “main”.")), findings.toString());
    }

    @Test
    void theBuildRefusesToPublishASiteThatFailsAndLeavesThePreviousOneInPlace() throws IOException {
        Path published = site.copyOfSite("published");
        byte[] before = Files.readAllBytes(published.resolve("index.html"));
        Path templates = Folders.copy(site.templates, dir.resolve("templates-remote"));
        TestSite.edit(templates.resolve("layout.html"), t -> t.replace("<link rel=\"stylesheet\"",
                "<link rel=\"stylesheet\" href=\"https://cdn.example/font.css\"/>\n  <link rel=\"stylesheet\""));
        InputException e = assertThrows(InputException.class,
                () -> site.build(published, templates, site.verification(site.content, HTML)));
        assertTrue(e.getMessage().contains("site/index.html: <link href> \"https://cdn.example/font.css\": loads from the network"), e.getMessage());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(published.resolve("index.html")));
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".published-")).toList());
        }
    }

    @Test
    void theReportListsWhatWasCheckedAndTheSiteLinksIt() throws IOException {
        JsonNode report = Json.mapper().readTree(site.site.resolve("verification/report.json").toFile());
        assertEquals(SiteVerification.VERSION, report.get("verifier").asText());
        assertEquals("Nu Html Checker " + NuHtmlChecker.VERSION, report.get("html_checker").asText());
        JsonNode summary = report.get("summary");
        assertEquals(7, summary.get("pages").asInt(), "home, stories, two explorers, explainer, 404, search");
        assertEquals(9, summary.get("figures").asInt());
        assertTrue(summary.get("contrast_min").asDouble() >= 4.5, summary.toString());
        assertEquals(28, summary.get("points").asInt());

        JsonNode how = page(report, "how-it-works/index.html");
        JsonNode heatmap = how.get("figures").get(0);
        assertEquals("heatmap", heatmap.get("kind").asText());
        assertEquals(25, heatmap.get("cells_checked").asInt());
        JsonNode tensor = heatmap.get("tensors").get(0);
        assertEquals("tiny-run", tensor.get("source").asText());
        assertEquals("step00.attention_00", tensor.get("tensor").asText());
        assertEquals("[1,2,5,5]", tensor.get("shape").toString());
        assertEquals("F32", tensor.get("dtype").asText());
        assertEquals(manifestSha(site.content, "step00.attention_00"), tensor.get("sha256").asText());
        assertTrue(heatmap.get("contrast_min").asDouble() >= 4.5);

        JsonNode explorer = page(report, "explore/cat-and-dog/index.html");
        assertEquals("cat-and-dog", explorer.get("points").get("story").asText());
        assertEquals(List.of("attention-matrix", "attention-matrix", "surprise"),
                iterate(explorer.get("figures")).stream().map(f -> f.get("kind").asText()).toList());
        assertTrue(explorer.get("links").get("fragments").asInt() > 0);
        assertEquals("identical", report.get("captures").get(0).get("replay").asText());

        assertTrue(Files.readString(site.site.resolve("index.html")).contains("href=\"verification/index.html\""));
        String page = Files.readString(site.site.resolve("verification/index.html"));
        assertTrue(page.contains("<a href=\"report.json\">report.json</a>"));
        assertTrue(page.contains(manifestSha(site.content, "step00.attention_00")));
        // counts in groups of three, as the build's own summary and every other page write them
        assertTrue(page.contains(String.format(java.util.Locale.ROOT, "<li>%,d pages, %,d figures, %,d figure cells re-derived",
                summary.get("pages").asInt(), summary.get("figures").asInt(), summary.get("cells_checked").asInt())), page);
        assertEquals("13,793", new ReportPage.Format().count(13_793));
        // the count covers every page that embeds points (with a playground, its own example too), and says so
        assertTrue(page.contains("<li>28 prediction points embedded in pages (every story's explorer, and the example the playground"), page);
    }

    private static JsonNode page(JsonNode report, String path) {
        return iterate(report.get("pages")).stream().filter(p -> p.get("path").asText().equals(path)).findFirst().orElseThrow();
    }

    private static List<JsonNode> iterate(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** Replaces the first {@code from} after the cell with this data-index. */
    private static String inCell(String html, String index, String from, String to) {
        int cell = html.indexOf("data-index='" + index + "'");
        int at = html.indexOf(from, cell);
        assertTrue(cell >= 0 && at >= 0, "no " + from + " in cell " + index);
        return html.substring(0, at) + to + html.substring(at + from.length());
    }

    private static String manifestSha(Path content, String tensor) throws IOException {
        return Json.mapper().readTree(content.resolve("captures/tiny-run.json").toFile()).get("tensors").get(tensor).get("sha256").asText();
    }

    /** Byte offset in the file of one float of a tensor (safetensors: 8-byte header length, header, data). */
    private static int offsetOf(byte[] file, String tensor, int flatIndex) throws IOException {
        return dataStart(file) + Json.mapper().readTree(header(file)).get(tensor).get("data_offsets").get(0).asInt() + 4 * flatIndex;
    }

    private static byte[] tensorBytes(byte[] file, String tensor) throws IOException {
        JsonNode offsets = Json.mapper().readTree(header(file)).get(tensor).get("data_offsets");
        int start = dataStart(file);
        return java.util.Arrays.copyOfRange(file, start + offsets.get(0).asInt(), start + offsets.get(1).asInt());
    }

    private static String header(byte[] file) {
        int length = (int) ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        return new String(file, 8, length, StandardCharsets.UTF_8);
    }

    private static int dataStart(byte[] file) {
        return 8 + (int) ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }
}
