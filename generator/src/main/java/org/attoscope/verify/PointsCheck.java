package org.attoscope.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.attoscope.pages.Addresses;
import org.attoscope.util.Json;
import org.attoscope.util.Sha256;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks a page's embedded prediction points ({@code <script type="application/json" id="attoscope-points">},
 * FORMATS.md section 3, and 3.1 where present) against the verifier's own forward pass over the story it names, read
 * by the verifier's own rules: the text and ids exactly, every weight and probability within tolerance, and what the
 * data claims to mean (see {@link org.attoscope.verify.audit.PointsAudit}).
 */
final class PointsCheck {
    static final String SCRIPT_ID = "attoscope-points";
    private static final int MAX_DIFFERENCES = 10;

    /** What one page's embedded points were checked against; {@code shown} is the parsed data, for the panel check. */
    record Outcome(PointsReport report, List<Finding> findings, JsonNode shown, AuditedStories.Audited story) {
    }

    private final AuditedStories stories;
    private final ObjectReader reader = Json.reader();

    PointsCheck(AuditedStories stories) {
        this.stories = stories;
    }

    /** Null when the page embeds no points. */
    Outcome check(String file, String path, Document page) {
        Element script = page.getElementById(SCRIPT_ID);
        if (script == null) {
            return null;
        }
        List<Finding> findings = new ArrayList<>();
        if (!"script".equals(script.normalName()) || !"application/json".equals(script.attr("type"))) {
            findings.add(Finding.of(file, "#" + SCRIPT_ID + " is not a <script type=\"application/json\">"));
            return new Outcome(null, findings, null, null);
        }
        JsonNode shown;
        try {
            shown = reader.readTree(ScriptText.of(script));
        } catch (JsonProcessingException e) {
            findings.add(Finding.of(file, "the embedded points are not JSON: " + e.getOriginalMessage()));
            return new Outcome(null, findings, null, null);
        }
        String slug = shown.path("name").asText("");
        String expectedPath = Addresses.explorer(slug);
        // the story's explorer page is where its run reads the targets to explain: hand over what is parsed already
        AuditedStories.Audited story = stories.get(slug, path.equals(expectedPath) ? shown : null);
        if (story == null) {
            findings.add(Finding.of(file, "the embedded points name story \"" + slug + "\", which the content folder does not have"));
            return new Outcome(null, findings, shown, null);
        }
        if (Addresses.explorerSlug(path).isPresent() && !path.equals(expectedPath)) {
            findings.add(Finding.of(file, "embeds the points of story " + slug + ", whose explorer page is " + expectedPath));
        }
        findings.addAll(ExplainClosure.check(file, shown));
        List<String> differences = new ArrayList<>();
        if (!story.text().equals(shown.path("text").asText(null))) {
            differences.add("text: the page's text is not the " + (story.text().length() < story.story().text().length()
                    ? "first " + AuditedStories.EXCERPT_TOKENS + " tokens" : "whole text") + " of story " + slug);
        }
        differences.addAll(stories.audit().compare(shown, story.ids(), story.points(), stories.topn()));
        for (String d : differences.subList(0, Math.min(MAX_DIFFERENCES, differences.size()))) {
            findings.add(new Finding(file, "embedded points of " + slug, "", d));
        }
        if (differences.size() > MAX_DIFFERENCES) {
            findings.add(new Finding(file, "embedded points of " + slug, "", (differences.size() - MAX_DIFFERENCES) + " more differences"));
        }
        String sha = Sha256.hex(ScriptText.of(script).getBytes(StandardCharsets.UTF_8));
        return new Outcome(new PointsReport(slug, story.points().size(), sha), findings, shown, story);
    }
}
