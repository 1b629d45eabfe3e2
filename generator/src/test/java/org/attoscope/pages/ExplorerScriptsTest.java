package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoscope.testing.TestModels;
import org.junit.jupiter.api.Test;

/**
 * An explorer page's scripts share one definition of a point's address (#pN), the server's: explorer.js reads and
 * writes it as the id the server gives the point's token (Addresses.pointId), and every other script of the page asks
 * explorer.js for the selected point (WhyBrowserTest shows the asking works).
 */
class ExplorerScriptsTest {
    @Test
    void ofTheScriptsAnExplorerLoadsOnlyExplorerJsReadsTheAddress() throws Exception {
        Path templates = TestModels.repoRoot().resolve("templates");
        List<String> loaded = new ArrayList<>();
        Matcher src = Pattern.compile("th:src=\"\\$\\{to\\.asset\\('([^']+)'\\)\\}\"").matcher(Files.readString(templates.resolve("story.html")));
        while (src.find()) {
            loaded.add(src.group(1));
        }
        assertEquals(List.of("explorer.js", "why.js"), loaded, "the scripts story.html loads");
        List<String> reading = new ArrayList<>();
        List<String> spelling = new ArrayList<>();
        for (String script : loaded) {
            String text = Files.readString(templates.resolve("assets").resolve(script));
            if (text.contains("location.hash")) {
                reading.add(script);
            }
            if (text.contains("'#p'") || text.contains("#p(")) {
                spelling.add(script);
            }
        }
        assertEquals(List.of("explorer.js"), reading, "the scripts that read location.hash");
        assertEquals(List.of(), spelling, "the scripts that spell the address out: it is the token's id, which Addresses.pointId writes");
    }

    @Test
    void thePlaygroundLinksExplorersByTheAddressesTheServerGivesIt() throws Exception {
        String playground = Files.readString(TestModels.repoRoot().resolve("templates/assets/playground/playground.js"));
        assertEquals(List.of(), Stream.of("'#p'", "'explore/'", "/index.html'").filter(playground::contains).toList(),
                "a preset's explorer at a point is its pointHref and the point's number; a saved story's, the data-explorer serve answers with");
    }
}
