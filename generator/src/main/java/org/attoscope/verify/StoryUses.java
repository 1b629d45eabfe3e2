package org.attoscope.verify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attoscope.util.Json;
import org.jsoup.parser.Parser;

/**
 * How many times the page checks will ask {@link AuditedStories} for each story's run: once per page embedding
 * points (the story they name) and once per engine figure ({@link EngineFigureCheck#KINDS}, the story its
 * {@code data-source} names). Read from the pages' bytes before they are checked, so each run can be dropped after
 * its last user instead of being kept until verification ends.
 *
 * <p>This only decides how long a run is kept, never what is checked: a page that asks more often than counted gets
 * the same run computed again, one that asks less keeps it until the end.
 */
final class StoryUses {
    private static final Pattern SVG_TAG = Pattern.compile("<svg\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLASS = Pattern.compile("\\sclass=\"([^\"]*)\"");
    private static final Pattern SOURCE = Pattern.compile("\\sdata-source=\"([^\"]*)\"");

    private StoryUses() {
    }

    /** Story slug to the number of times the given pages ask for its run. */
    static Map<String, Integer> of(BuiltSite site, List<String> pages) {
        Map<String, Integer> uses = new HashMap<>();
        for (String path : pages) {
            count(new String(site.read(path), StandardCharsets.UTF_8), uses);
        }
        return uses;
    }

    static void count(String html, Map<String, Integer> uses) {
        Matcher svg = SVG_TAG.matcher(html);
        while (svg.find()) {
            String tag = svg.group();
            Matcher cls = CLASS.matcher(tag);
            Matcher source = SOURCE.matcher(tag);
            if (cls.find() && engineFigure(cls.group(1)) && source.find()) {
                uses.merge(Parser.unescapeEntities(source.group(1), true), 1, Integer::sum);
            }
        }
        String points = PointsScript.in(html);
        if (points != null) {
            String name = topLevelName(points);
            if (name != null) {
                uses.merge(name, 1, Integer::sum);
            }
        }
    }

    /** The kind as {@link FigureOnPage#of} reads it: the first {@code attoscope-} class after the figure class. */
    private static boolean engineFigure(String classes) {
        List<String> names = List.of(classes.trim().split("\\s+"));
        String kind = names.stream().filter(c -> c.startsWith("attoscope-") && !c.equals(FigureOnPage.FIGURE_CLASS))
                .map(c -> c.substring("attoscope-".length())).findFirst().orElse("");
        return names.contains(FigureOnPage.FIGURE_CLASS) && EngineFigureCheck.KINDS.contains(kind);
    }

    /** The points object's {@code name}, read without parsing the (large) rest; null when it has none. */
    private static String topLevelName(String json) {
        try (JsonParser p = Json.factory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("name")) {
                    return value == JsonToken.VALUE_STRING ? p.getText() : "";
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null; // the points check reports broken JSON where it finds it
        }
    }
}
