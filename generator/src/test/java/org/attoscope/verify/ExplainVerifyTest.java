package org.attoscope.verify;

import static org.attoscope.verify.SharedChecker.HTML;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A built explorer's why-and-what-if data (FORMATS.md section 3.1) is verified like every other number on it. */
class ExplainVerifyTest {
    private static final Pattern FIRST_MLP = Pattern.compile("\"mlp\":(-?[0-9.]+)");

    @TempDir
    static Path dir;
    static TestSite site;

    @BeforeAll
    static void buildOnce() {
        site = TestSite.build(dir, HTML);
    }

    @Test
    void aChangedPartIsCaughtBecauseThePartsNoLongerAddUpAndBecauseAFreshRunDisagrees() {
        Path copy = site.copyOfSite("part");
        TestSite.edit(copy.resolve("explore/cat-and-dog/index.html"), html -> {
            Matcher m = FIRST_MLP.matcher(html);
            assertTrue(m.find(), "the explorer embeds explained points");
            return html.substring(0, m.start(1)) + (Double.parseDouble(m.group(1)) + 0.01) + html.substring(m.end(1));
        });
        List<String> findings = TestSite.lines(site.verification(site.content, HTML).check(copy, site.pages()).findings());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("site/explore/cat-and-dog/index.html, explained point ")
                && f.contains("add up to")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.contains(".explain.targets[0].parts.mlp: ")
                && f.endsWith("from a fresh engine run")), findings.toString());
    }
}
