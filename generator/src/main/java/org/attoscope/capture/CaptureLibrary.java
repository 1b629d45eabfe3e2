package org.attoscope.capture;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The captures of one content folder, each loaded (and its tensors hash-checked) at most once however many figures
 * use it. Safe to share between the threads of a build.
 */
public final class CaptureLibrary {
    private final Path dir;
    private final ConcurrentMap<String, Capture> loaded = new ConcurrentHashMap<>();

    /** {@code capturesDir} is usually {@code content/captures}. */
    public CaptureLibrary(Path capturesDir) {
        this.dir = capturesDir;
    }

    public Path dir() {
        return dir;
    }

    /** Every capture name in the folder, sorted. */
    public List<String> names() {
        return Capture.namesIn(dir);
    }

    /** The capture {@code name}, loaded on first use; fails as {@link Capture#load} does. */
    public Capture get(String name) {
        return loaded.computeIfAbsent(name, n -> Capture.load(dir, n));
    }
}
