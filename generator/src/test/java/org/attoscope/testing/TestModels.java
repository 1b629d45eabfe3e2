package org.attoscope.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.ModelBundle;

/**
 * The real attoGPT bundle and reference data, from {@code ../shared} beside the repository.
 *
 * <p>Real-model tests must run in CI, never skip: a missing bundle is a failure with the path that was looked at.
 */
public final class TestModels {
    private static final class Holder {
        static final ModelBundle BUNDLE = ModelBundle.load(realBundleDir());
        static final AttoGpt ENGINE = new AttoGpt(BUNDLE);
    }

    private TestModels() {
    }

    /** The repository root (Maven passes it; falls back to the parent of the working directory). */
    public static Path repoRoot() {
        String prop = System.getProperty("attoscope.root");
        Path root = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    public static Path sharedDir() {
        Path shared = repoRoot().resolveSibling("shared");
        if (!Files.isDirectory(shared)) {
            throw new AssertionError("the real model is expected at " + shared + " (../shared beside the checkout)");
        }
        return shared;
    }

    public static Path realBundleDir() {
        return sharedDir().resolve("attogpt");
    }

    public static Path referenceJson() {
        return sharedDir().resolve("reference/attogpt-reference.json");
    }

    public static Path referencePrompts() {
        return sharedDir().resolve("reference/prompts.json");
    }

    /** Loaded once per test JVM: loading checks the 3.9 MB hash. */
    public static ModelBundle realBundle() {
        return Holder.BUNDLE;
    }

    public static AttoGpt realEngine() {
        return Holder.ENGINE;
    }
}
