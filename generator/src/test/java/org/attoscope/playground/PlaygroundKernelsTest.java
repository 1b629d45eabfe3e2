package org.attoscope.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attoscope.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The playground's WebAssembly is its readable source: the committed kernels.wasm, and the base64 in kernels.js that
 * the page compiles, are exactly what wabt's wat2wasm (npm, installed by .ci/run with the other test tools) makes of
 * kernels.wat. generator/src/test/js/kernels.mjs compiles and compares; {@code --write} rewrites both after an edit.
 */
class PlaygroundKernelsTest {
    static final Path KERNELS = TestModels.repoRoot().resolve("templates/assets/playground");

    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private static Run kernels(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", TestModels.repoRoot().resolve("generator/src/test/js/kernels.mjs").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    @Test
    void theCommittedKernelsAreWat2wasmOfTheirSource() throws Exception {
        Run run = kernels();
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().startsWith("kernels.wasm and kernels.js are wat2wasm(kernels.wat), "), run.out());
        String script = Files.readString(KERNELS.resolve("kernels.js"));
        assertTrue(script.contains("window.ATTOSCOPE_KERNELS = \"AGFzbQ"), "the script carries a WebAssembly module (\\0asm) as base64");
    }

    @Test
    void anEditedSourceWithoutItsRebuiltBinaryIsNamed() throws Exception {
        for (String f : List.of("kernels.wat", "kernels.wasm", "kernels.js")) {
            Files.copy(KERNELS.resolve(f), dir.resolve(f));
        }
        Path wat = dir.resolve("kernels.wat");
        Files.writeString(wat, Files.readString(wat).replace("(memory (export \"memory\") 1)", "(memory (export \"memory\") 2)"));
        Run stale = kernels("--dir=" + dir);
        assertEquals(1, stale.exit(), stale.out());
        assertTrue(stale.out().contains("not what wat2wasm makes of " + wat + ": " + dir.resolve("kernels.wasm") + ", " + dir.resolve("kernels.js")
                + "; run node generator/src/test/js/kernels.mjs --write"), stale.out());

        assertEquals(0, kernels("--dir=" + dir, "--write").exit());
        assertEquals(0, kernels("--dir=" + dir).exit(), "rebuilt, the binary and the script agree with the source again");
    }
}
