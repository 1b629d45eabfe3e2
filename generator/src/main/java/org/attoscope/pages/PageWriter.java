package org.attoscope.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Puts a rendered file on disk; a seam so tests can make the disk fill up halfway through a build. */
@FunctionalInterface
interface PageWriter {
    PageWriter FILES = (file, bytes) -> {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    };

    void write(Path file, byte[] bytes) throws IOException;
}
