package org.attoscope.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** axe-core, the accessibility checker the browser specs inject into pages (npm, locked in generator/src/test/js). */
public final class Axe {
    private Axe() {
    }

    /** axe's script, or a failure that says how to install it: the accessibility checks never skip. */
    public static String script() throws IOException {
        Path axe = TestModels.repoRoot().resolve("generator/src/test/js/node_modules/axe-core/axe.min.js");
        assertTrue(Files.isRegularFile(axe), "the accessibility check needs axe-core: run `npm ci --prefix generator/src/test/js` (.ci/run does)");
        return Files.readString(axe);
    }
}
