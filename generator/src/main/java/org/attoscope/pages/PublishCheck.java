package org.attoscope.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.attoscope.InputException;

/**
 * Whether publishing over {@code out} can complete, asked before anything is touched: the two renames need a
 * writable parent, and removing the old site afterwards needs every folder and file in it to be writable. A site
 * that could be renamed away but not deleted would otherwise end as a published new site, a stranded old one and a
 * build that reports failure.
 *
 * <p>The question is put to the kernel ({@link Files#isWritable}, that is {@code access(2)}), not answered from the
 * permission bits, so it holds for root too: root writes through {@code chmod a-w} (and so can publish), but not
 * through an immutable ({@code chattr +i}) file or folder, which {@code access} reports as not writable.
 */
final class PublishCheck {
    /** How many unwritable entries one message names. */
    private static final int NAMED = 5;

    private PublishCheck() {
    }

    /** Throws, naming what is in the way, unless a site can be published at {@code out}. */
    static void requirePublishable(Path out) {
        Path parent = out.getParent();
        if (Files.isDirectory(parent) && !Files.isWritable(parent)) {
            throw new InputException(parent, "the folder that holds the site is not writable, so the new site cannot be put in place.",
                    "make it writable (chmod u+w, or chattr -i if it is immutable), or pass --out somewhere writable. Nothing was changed.");
        }
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> stuck = unwritable(out);
        if (!stuck.isEmpty()) {
            throw new InputException(out, "the old site cannot be removed after the new one is in place: " + String.join(", ",
                    stuck.stream().limit(NAMED).map(Path::toString).toList()) + (stuck.size() > NAMED ? " and " + (stuck.size() - NAMED) + " more" : "")
                    + (stuck.size() == 1 ? " is" : " are") + " not writable.",
                    "make them writable (chmod -R u+w, or chattr -R -i if they are immutable). The old site was left exactly as it was.");
        }
    }

    private static List<Path> unwritable(Path site) {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> !Files.isSymbolicLink(p) && !Files.isWritable(p)).sorted().toList();
        } catch (IOException e) {
            return List.of(Optional.ofNullable(e.getMessage()).map(Path::of).orElse(site));
        }
    }
}
