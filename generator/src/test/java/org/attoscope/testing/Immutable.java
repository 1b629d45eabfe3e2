package org.attoscope.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes a file or folder immutable with {@code chattr +i} for the length of a try block. The tests run as root,
 * for whom {@code chmod a-w} stops nothing; an immutable inode cannot be written, renamed or deleted even by root.
 * Where chattr is missing or the file system or container refuses it (no CAP_LINUX_IMMUTABLE), the test is skipped
 * with that reason: it is a property of the machine, not of attoscope.
 */
public final class Immutable implements AutoCloseable {
    private final Path path;

    private Immutable(Path path) {
        this.path = path;
    }

    public static Immutable of(Path path) {
        assumeTrue(chattr("+i", path), "chattr +i is not available here (needs root with CAP_LINUX_IMMUTABLE on ext4/xfs/btrfs)");
        assumeTrue(!Files.isWritable(path), "chattr +i did not make " + path + " unwritable");
        return new Immutable(path);
    }

    @Override
    public void close() {
        chattr("-i", path);
    }

    private static boolean chattr(String flag, Path path) {
        try {
            Process p = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
