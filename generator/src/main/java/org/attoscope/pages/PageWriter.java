package org.attoscope.pages;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts a rendered file on disk; a seam so tests can make the disk fill up halfway through a build. */
@FunctionalInterface
interface PageWriter {
    /**
     * Writes each file beside itself and renames it into place, so whoever reads it meanwhile (the verifier's early
     * checks hashing a script another thread is writing, a browser on a served site) finds it whole or not at all.
     */
    PageWriter FILES = (file, bytes) -> {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("." + file.getFileName() + ".attoscope-tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp); // this write's own file: a disk-full build leaves no half page behind
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed); // the write's own error is the one to report
            }
            throw e;
        }
    };

    void write(Path file, byte[] bytes) throws IOException;
}
