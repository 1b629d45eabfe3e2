package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.attoscope.figures.HeadColours;
import org.attoscope.testing.TestModels;
import org.junit.jupiter.api.Test;

/** A head is one colour everywhere: the page's bars and the build-time figures take it from the same place. */
class HeadColoursInCssTest {
    @Test
    void theStylesheetUsesTheFiguresHeadColours() throws Exception {
        String css = Files.readString(TestModels.repoRoot().resolve("templates/assets/site.css"));
        for (int h = 0; h < 2; h++) {
            String declaration = "--head" + h + ": " + HeadColours.of(h).hex() + ";";
            assertTrue(css.contains(declaration), "site.css declares " + declaration);
        }
    }
}
