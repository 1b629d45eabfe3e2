package org.attoscope.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoscope.InputException;

/**
 * A site being built beside its output folder and published only when complete.
 *
 * <p>The build writes into {@code .OUT-staging-PID} next to {@code OUT}, so the old site is never touched while
 * pages are rendered: a failed, interrupted (Ctrl-C) or disk-full build leaves it exactly as it was. Publishing
 * is two renames in the same parent folder: the old site to {@code .OUT-previous-PID}, then the staging folder
 * to {@code OUT}, then the old one is deleted. POSIX gives no atomic exchange of two non-empty folders, so there
 * is an instant with no {@code OUT}; if the process dies inside it, the next build finds the previous folder of a
 * process that no longer runs and puts it back before doing anything else. Leftover staging folders of dead
 * processes are removed the same way. The PID in the names keeps a concurrent build's folders safe.
 */
public final class StagedSite implements AutoCloseable {
    private final Path out;
    private final Path staging;
    private boolean published;

    private StagedSite(Path out, Path staging) {
        this.out = out;
        this.staging = staging;
    }

    /**
     * Prepares a fresh staging folder for {@code out}.
     *
     * @param out         the site folder to replace
     * @param sourceDirs  folders the build reads (content, templates): the output may not be or contain them
     */
    public static StagedSite create(Path out, List<Path> sourceDirs) {
        Path target = out.toAbsolutePath().normalize();
        checkReplaceable(target, sourceDirs);
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            recoverLeftovers(target);
            Path staging = parent.resolve(prefix(target) + "staging-" + ProcessHandle.current().pid());
            deleteTree(staging);
            Files.createDirectory(staging);
            return new StagedSite(target, staging);
        } catch (IOException e) {
            throw new InputException(parent, "cannot prepare the build folder: " + e.getMessage() + ".", "check that the output's parent folder is writable.");
        }
    }

    /** The folder to write the new site into. */
    public Path dir() {
        return staging;
    }

    /** Swaps the staged site in for the old one; the staging folder becomes {@code out}. */
    public void publish() {
        Path parent = out.getParent();
        Path previous = parent.resolve(prefix(out) + "previous-" + ProcessHandle.current().pid());
        try {
            deleteTree(previous);
            boolean hadSite = Files.exists(out, LinkOption.NOFOLLOW_LINKS);
            if (hadSite) {
                Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (hadSite) {
                    Files.move(previous, out, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            published = true;
            deleteTree(previous);
        } catch (IOException e) {
            throw new InputException(out, "cannot publish the new site: " + e.getMessage() + ".", "check that the folder is writable and not open in another program.");
        }
    }

    /** Removes the staging folder unless it was published. */
    @Override
    public void close() {
        if (!published) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove the abandoned build folder " + staging, e);
            }
        }
    }

    private static String prefix(Path out) {
        return "." + out.getFileName() + "-";
    }

    private static void checkReplaceable(Path target, List<Path> sourceDirs) {
        if (target.getParent() == null) {
            throw new InputException(target, "the output cannot be the file system root.", "pass --out site.");
        }
        for (Path source : sourceDirs) {
            Path s = source.toAbsolutePath().normalize();
            if (s.startsWith(target)) {
                throw new InputException(target, "the output folder holds the build's own sources (" + source + "), which building would delete.",
                        "pass an --out folder of its own, for example --out site.");
            }
        }
        if (Files.isRegularFile(target) || Files.isSymbolicLink(target)) {
            throw new InputException(target, "the output is a file or a link, not a site folder.", "pass --out with a folder name.");
        }
        if (Files.isDirectory(target) && !isEmpty(target) && !Files.isRegularFile(target.resolve("index.html"))) {
            throw new InputException(target, "the output folder exists and does not look like a built site (it has no index.html); building would replace it.",
                    "pass an --out folder that is empty, missing, or a site attoscope built.");
        }
    }

    /** Puts back a site lost between the two renames of a killed build, and deletes dead builds' folders. */
    private static void recoverLeftovers(Path target) throws IOException {
        Pattern leftover = Pattern.compile(Pattern.quote(prefix(target)) + "(staging|previous)-(\\d+)");
        List<Path> dead = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent())) {
            for (Path p : siblings) {
                Matcher m = leftover.matcher(p.getFileName().toString());
                if (m.matches() && !isAlive(Long.parseLong(m.group(2)))) {
                    dead.add(p);
                }
            }
        }
        dead.sort(Comparator.naturalOrder());
        for (Path p : dead) {
            boolean previous = p.getFileName().toString().contains("-previous-");
            if (previous && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                deleteTree(p);
            }
        }
    }

    private static boolean isAlive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return pid != ProcessHandle.current().pid() && handle.map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
