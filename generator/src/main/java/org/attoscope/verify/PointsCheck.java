package org.attoscope.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.attoscope.pages.Addresses;
import org.attoscope.util.Json;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks a page's embedded prediction points ({@code <script type="application/json" id="attoscope-points">},
 * FORMATS.md section 3) against a fresh engine run of the story it names: every JSON value must equal what the
 * build would write now. Numbers compare as the doubles they denote, so only a different value differs, never a
 * different spelling of the same one.
 */
final class PointsCheck {
    static final String SCRIPT_ID = "attoscope-points";
    private static final int MAX_DIFFERENCES = 10;

    /** What one page's embedded points were checked against. */
    record Outcome(PointsReport report, List<Finding> findings) {
    }

    private final FreshTraces fresh;
    private final ObjectMapper mapper = Json.mapper();

    PointsCheck(FreshTraces fresh) {
        this.fresh = fresh;
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
            return new Outcome(null, findings);
        }
        JsonNode shown;
        try {
            shown = mapper.readTree(script.data());
        } catch (JsonProcessingException e) {
            findings.add(Finding.of(file, "the embedded points are not JSON: " + e.getOriginalMessage()));
            return new Outcome(null, findings);
        }
        String slug = shown.path("name").asText("");
        FreshTraces.Fresh story = fresh.get(slug);
        if (story == null) {
            findings.add(Finding.of(file, "the embedded points name story \"" + slug + "\", which the content folder does not have"));
            return new Outcome(null, findings);
        }
        String expectedPath = Addresses.explorer(slug);
        if (Addresses.explorerSlug(path).isPresent() && !path.equals(expectedPath)) {
            findings.add(Finding.of(file, "embeds the points of story " + slug + ", whose explorer page is " + expectedPath));
        }
        JsonNode expected;
        try {
            expected = mapper.readTree(story.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the build's own JSON always parses", e);
        }
        findings.addAll(ExplainClosure.check(file, shown));
        List<String> differences = new ArrayList<>();
        compare("", shown, expected, differences);
        for (String d : differences.subList(0, Math.min(MAX_DIFFERENCES, differences.size()))) {
            findings.add(new Finding(file, "embedded points of " + slug, "", d));
        }
        if (differences.size() > MAX_DIFFERENCES) {
            findings.add(new Finding(file, "embedded points of " + slug, "", (differences.size() - MAX_DIFFERENCES) + " more differences"));
        }
        return new Outcome(new PointsReport(slug, story.trace().points().size(), story.sha256()), findings);
    }

    private static void compare(String at, JsonNode shown, JsonNode expected, List<String> out) {
        if (shown.isNumber() && expected.isNumber()) {
            if (shown.doubleValue() != expected.doubleValue()) {
                out.add(where(at) + shown + " on the page, " + expected + " from a fresh engine run");
            }
        } else if (shown.isObject() && expected.isObject()) {
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!shown.has(name)) {
                    out.add(where(at + "." + name) + "missing on the page, " + expected.get(name) + " from a fresh engine run");
                } else {
                    compare(at + "." + name, shown.get(name), expected.get(name), out);
                }
            }
            for (Iterator<String> names = shown.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!expected.has(name)) {
                    out.add(where(at + "." + name) + "on the page but not in the build's format");
                }
            }
        } else if (shown.isArray() && expected.isArray()) {
            if (shown.size() != expected.size()) {
                out.add(where(at) + shown.size() + " entries on the page, " + expected.size() + " from a fresh engine run");
            }
            for (int i = 0; i < Math.min(shown.size(), expected.size()); i++) {
                compare(at + "[" + i + "]", shown.get(i), expected.get(i), out);
            }
        } else if (!shown.equals(expected)) {
            out.add(where(at) + shown + " on the page, " + expected + " from a fresh engine run");
        }
    }

    private static String where(String at) {
        return (at.startsWith(".") ? at.substring(1) : at) + ": ";
    }
}
