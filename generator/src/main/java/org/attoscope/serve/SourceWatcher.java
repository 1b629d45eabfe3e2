package org.attoscope.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders and their subfolders (content/, templates/) and hands out changes in debounced batches.
 *
 * <p>An editor's save is a burst of events (a swap file, a backup rename, the write, a chmod); one batch ends when
 * {@link #QUIET} passes without an event, or at {@link #LONGEST} after its first event so a tool that writes
 * steadily still gets rebuilds. New subfolders are watched as they appear.
 */
final class SourceWatcher implements AutoCloseable {
    /**
     * Long enough to swallow an editor's save burst (its events come within a few milliseconds of each other on a
     * local disk), short enough to leave most of the 50 ms save-to-page budget to the rebuild. A burst that does
     * straddle it costs a second rebuild, and the last one reads the files as the editor left them.
     */
    static final Duration QUIET = Duration.ofMillis(20);
    static final Duration LONGEST = Duration.ofMillis(1000);

    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new HashMap<>();

    SourceWatcher(List<Path> roots) {
        try {
            service = FileSystems.getDefault().newWatchService();
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    registerTree(root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + roots, e);
        }
    }

    /**
     * Blocks until something changes, then until the burst is over; returns the paths touched.
     *
     * @return the changed paths, or an empty set when the watcher was closed
     */
    Set<Path> next() throws InterruptedException {
        Set<Path> changed = new TreeSet<>();
        try {
            WatchKey key = service.take();
            long deadline = System.nanoTime() + LONGEST.toNanos();
            while (key != null) {
                collect(key, changed);
                long left = Math.min(QUIET.toNanos(), deadline - System.nanoTime());
                key = left > 0 ? service.poll(left, TimeUnit.NANOSECONDS) : null;
            }
        } catch (ClosedWatchServiceException e) {
            return Set.of();
        }
        return changed;
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path dir = dirs.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null) {
                continue;
            }
            if (event.kind() == OVERFLOW) {
                changed.add(dir); // events were lost: the folder as a whole changed
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            changed.add(path);
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    registerTree(path);
                } catch (IOException | UncheckedIOException e) {
                    // gone again before we could watch it: nothing to watch
                }
            }
        }
        if (!key.reset()) {
            dirs.remove(key);
        }
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                dirs.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
            }
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
