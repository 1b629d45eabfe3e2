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
 *
 * <p>Only attoscope's own output is ever replaced: publishing writes {@link SiteMarker} (every file with its hash)
 * into the site, and a later build refuses a non-empty folder without one, or a site holding anything the marker
 * does not list (a user's file dropped into {@code site/} is named and kept; nothing is removed). Before the first
 * rename, {@link PublishCheck} makes sure both renames and the old site's removal can succeed.
 *
 * <p>Ctrl-C ends the JVM without unwinding the build's {@code try} blocks, so a shutdown hook removes the staging
 * folder; it never touches {@code OUT}. Publishing and the hook exclude each other: a Ctrl-C in the middle of the
 * two renames waits for them, and then finds nothing to clean.
 */
public final class StagedSite implements AutoCloseable {
    private final Path out;
    private final Path staging;
    private final Thread cleanupOnExit;
    private boolean published;
    private boolean closed;

    private StagedSite(Path out, Path staging) {
        this.out = out;
        this.staging = staging;
        this.cleanupOnExit = new Thread(this::discard, "attoscope-staging-cleanup");
    }

    /**
     * Prepares a fresh staging folder for {@code out}, after making sure the build may replace it and publishing
     * can complete: nothing is created, moved or deleted before those checks pass.
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
            checkReplaceable(target, sourceDirs); // a site put back from a crashed build is checked like any other
            PublishCheck.requirePublishable(target);
            Path staging = parent.resolve(prefix(target) + "staging-" + ProcessHandle.current().pid());
            deleteTree(staging);
            Files.createDirectory(staging);
            StagedSite site = new StagedSite(target, staging);
            Runtime.getRuntime().addShutdownHook(site.cleanupOnExit);
            return site;
        } catch (IOException e) {
            throw new InputException(parent, "cannot prepare the build folder: " + e.getMessage() + ".", "check that the output's parent folder is writable.");
        }
    }

    /** The folder to write the new site into. */
    public Path dir() {
        return staging;
    }

    /** Swaps the staged site in for the old one; the staging folder becomes {@code out}. */
    public synchronized void publish() {
        if (closed) {
            throw new IllegalStateException("the staging folder was already discarded");
        }
        Path parent = out.getParent();
        Path previous = parent.resolve(prefix(out) + "previous-" + ProcessHandle.current().pid());
        // Again at the last moment: the build took a while, and files may have been added or locked meanwhile.
        checkReplaceable(out, List.of());
        PublishCheck.requirePublishable(out);
        try {
            SiteMarker.scan(staging).writeTo(staging);
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
        } catch (IOException e) {
            throw new InputException(out, "cannot publish the new site: " + e.getMessage() + ".", "check that the folder is writable and not open in another program.");
        }
        // The new site is in place: publishing succeeded whatever happens now. The checks above make this
        // deletion work; should it still fail, the next build finds the folder of a dead process and removes it.
        try {
            deleteTree(previous);
        } catch (IOException | UncheckedIOException leftForTheNextBuild) {
            // the old site is out of the way under a hidden name; see recoverLeftovers
        }
    }

    /** Removes the staging folder unless it was published. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it does the same work
        }
        discard();
    }

    private synchronized void discard() {
        if (published || closed) {
            return;
        }
        closed = true;
        // On Ctrl-C the build's workers may still be writing pages while the hook deletes; try again a few times.
        for (int attempt = 1; ; attempt++) {
            try {
                deleteTree(staging);
                return;
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 5) {
                    throw new IllegalStateException("could not remove the abandoned build folder " + staging, e);
                }
            }
        }
    }

    private static String prefix(Path out) {
        return "." + out.getFileName() + "-";
    }

    /**
     * Throws unless a build may publish at {@code out}: not a file, not holding the sources, empty or attoscope's
     * own site with nothing foreign in it, and publishing can complete. Changes nothing; {@code serve} asks this
     * before it builds or binds.
     */
    public static void requireReplaceable(Path out, List<Path> sourceDirs) {
        Path target = out.toAbsolutePath().normalize();
        checkReplaceable(target, sourceDirs);
        PublishCheck.requirePublishable(target);
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
        if (!Files.isDirectory(target) || isEmpty(target)) {
            return;
        }
        Optional<SiteMarker> marker = SiteMarker.read(target);
        if (marker.isEmpty()) {
            throw new InputException(target, "the output folder is not empty and is not a site attoscope built (it has no "
                    + SiteMarker.NAME + "); building would replace it, so nothing was touched.",
                    "pass an --out folder that is empty, missing, or a site attoscope built. If this folder really is an old "
                            + "attoscope site you no longer need, delete it yourself.");
        }
        List<String> foreign;
        try {
            foreign = marker.get().foreignEntries(target);
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(target, "cannot list the old site: " + e.getMessage() + ".", "check the folder's permissions.");
        }
        if (foreign.isEmpty()) {
            return;
        }
        String listed = String.join(", ", foreign.stream().limit(5).toList()) + (foreign.size() > 5 ? ", ..." : "");
        String them = foreign.size() == 1 ? "it" : "them";
        if (foreign.stream().allMatch(f -> PageWriter.interruptedWriteOf(f) != null)) {
            // the name is the one our own writes use, but the file is still not in the marker: it is named, not removed
            throw new InputException(target, "the site holds " + (foreign.size() == 1 ? "a file" : foreign.size() + " files")
                    + " left by an attoscope that was stopped while writing (" + listed + ": the unfinished new bytes of "
                    + PageWriter.interruptedWriteOf(foreign.get(0)) + (foreign.size() > 1 ? " and others" : "")
                    + "); replacing the site would delete " + them + ", so nothing was touched.",
                    "delete " + them + " (the site's own files are whole), then build again.");
        }
        throw new InputException(target, "the site holds " + (foreign.size() == 1 ? "a file" : foreign.size() + " files or folders")
                + " attoscope did not write (" + listed + "); replacing the site would delete " + them + ", so nothing was touched.",
                "move " + them + " out of the site folder (keep your own files beside it, or in content/ or templates/assets/ to publish them), then build again.");
    }

    /**
     * Puts back a site lost between the two renames of a killed build, and deletes dead builds' folders, whatever
     * state they were left in (half written, half deleted, several crashes). Of several old sites the newest is
     * put back. A leftover that cannot be deleted is left alone: its name is its process's, so it is in nobody's way.
     */
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
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Optional<Path> newest = dead.stream()
                    .filter(p -> p.getFileName().toString().contains("-previous-") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .max(Comparator.comparing(StagedSite::modified).thenComparing(Comparator.naturalOrder()));
            if (newest.isPresent()) {
                try {
                    Files.move(newest.get(), target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new InputException(newest.get(), "a build was killed while publishing, and its old site cannot be put back at "
                            + target + ": " + e.getMessage() + ".", "rename " + newest.get().getFileName() + " to " + target.getFileName()
                            + " yourself, then build again.");
                }
                dead.remove(newest.get());
            }
        }
        dead.sort(Comparator.naturalOrder());
        for (Path p : dead) {
            try {
                deleteTree(p);
            } catch (IOException | UncheckedIOException cannot) {
                // see above: harmless where it is
            }
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
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
