package org.attoscope.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.util.AtomicFiles;

/** Puts a rendered file on disk; a seam so tests can make the disk fill up halfway through a build. */
@FunctionalInterface
interface PageWriter {
    /** A file being written is {@code .NAME.attoscope-tmp} beside {@code NAME} until it is renamed into place. */
    String TEMPORARY_PREFIX = ".";
    String TEMPORARY_SUFFIX = ".attoscope-tmp";

    /**
     * Writes each file beside itself and renames it into place ({@link AtomicFiles#replace}), so whoever reads it
     * meanwhile (the verifier's early checks hashing a script another thread is writing, a browser on a served site)
     * finds it whole or not at all.
     */
    PageWriter FILES = (file, bytes) -> {
        Files.createDirectories(file.getParent());
        AtomicFiles.replace(file, file.resolveSibling(TEMPORARY_PREFIX + file.getFileName() + TEMPORARY_SUFFIX), bytes);
    };

    void write(Path file, byte[] bytes) throws IOException;

    /**
     * The file a write of {@link #FILES} was filling when its process was killed, for a path (from the site root) that
     * is one of those temporary files; null for any other path.
     */
    static String interruptedWriteOf(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        if (!name.startsWith(TEMPORARY_PREFIX) || !name.endsWith(TEMPORARY_SUFFIX)
                || name.length() <= TEMPORARY_PREFIX.length() + TEMPORARY_SUFFIX.length()) {
            return null;
        }
        return path.substring(0, slash + 1) + name.substring(TEMPORARY_PREFIX.length(), name.length() - TEMPORARY_SUFFIX.length());
    }
}
