package org.attoscope.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Whole folders on disk. */
public final class Folders {
    private Folders() {
    }

    /** Copies {@code from} and everything under it to {@code to} (created, files replaced), and returns {@code to}. */
    public static Path copy(Path from, Path to) {
        // Files.walk visits a folder before what it holds, so every parent exists before its children are copied.
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
