package org.attoscope.util;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Replacing a file so that whoever reads it meanwhile finds its old bytes or its new ones, never part of them. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code temp} (beside {@code target}, on its file system) and renames it over
     * {@code target}: atomically where the file system can, else by a plain replace. If either step fails, the
     * temporary file, the caller's own, is removed (an interrupted or disk-full write leaves no half file behind),
     * and should that fail too, it is attached to the write's own error, which is the one thrown.
     */
    public static void replace(Path target, Path temp, byte[] bytes) throws IOException {
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }
}
