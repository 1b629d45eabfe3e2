package org.attoscope.content;

import java.io.IOException;
import java.nio.file.Path;
import org.attoscope.InputException;

/**
 * Keeps a build inside its content folder. A link (or a {@code ../} in a name) that leads out of content/ would
 * let a lesson publish any file of the machine into the site, so every file the build reads from content/ is
 * checked where it really is, after following links.
 */
public final class ContentFiles {
    private ContentFiles() {
    }

    /**
     * Returns {@code file} when it really lies inside {@code contentDir}; throws naming it otherwise.
     *
     * @param file a file under content/ as the build found or was told it (its line is the author's, if any)
     * @param line the line to report (a directive's), or 0
     */
    public static Path requireInside(Path contentDir, Path file, Path reportIn, int line) {
        Path root = real(contentDir);
        Path target = real(file);
        if (root != null && target != null && !target.startsWith(root)) {
            throw new InputException(reportIn, line, "\"" + contentDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize())
                    + "\" leads outside the content folder (to " + target + ").",
                    "keep stories, lessons and captures as real files inside " + contentDir + "; copy the file in instead of linking to it.");
        }
        return file;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return null; // a missing file is reported by whoever reads it
        }
    }
}
