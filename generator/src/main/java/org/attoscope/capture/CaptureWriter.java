package org.attoscope.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.attoscope.InputException;
import org.attoscope.util.AtomicFiles;

/**
 * Writes a {@link CaptureRun} as {@code NAME.safetensors} and {@code NAME.json} into a captures folder.
 *
 * <p>Each file is written beside its destination and moved into place, so a reader never sees half a file.
 */
public final class CaptureWriter {
    /** Names {@code attoscope capture} writes: lower-case words joined by '-', the same in a URL, a lesson and a file name. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

    private CaptureWriter() {
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Writes both files and returns the safetensors file. */
    public static Path write(Path capturesDir, String name, CaptureRun run) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("capture name \"" + name + "\" is not [a-z0-9-]+");
        }
        Path dir = capturesDir.toAbsolutePath().normalize();
        Path tensors = dir.resolve(name + Capture.SAFETENSORS).normalize();
        Path manifest = dir.resolve(name + Capture.MANIFEST).normalize();
        if (!dir.equals(tensors.getParent()) || !dir.equals(manifest.getParent())) {
            throw new IllegalArgumentException("capture name \"" + name + "\" would leave " + dir);
        }
        try {
            Files.createDirectories(dir);
            replace(tensors, run.safetensorsBytes());
            replace(manifest, run.manifest().toJsonBytes());
        } catch (IOException e) {
            throw new InputException(dir, "cannot write capture " + name + ": " + e.getMessage() + ".", "check that the folder is writable.");
        }
        return tensors;
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        AtomicFiles.replace(target, target.resolveSibling("." + target.getFileName() + ".tmp"), bytes);
    }
}
