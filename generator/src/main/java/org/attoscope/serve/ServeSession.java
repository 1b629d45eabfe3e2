package org.attoscope.serve;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.attoscope.InputException;
import org.attoscope.pages.LiveSite;

/**
 * {@code attoscope serve} at work: the first build, the server, and the loop that rebuilds on every save.
 *
 * <p>A broken edit is printed (file:line, problem, fix) and sent to the open pages as an overlay; the site on
 * disk and on the server stays the last good one, and the next good save clears the overlay and reloads.
 */
public final class ServeSession implements AutoCloseable {
    private final LiveSite site;
    private final List<Path> watched;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Path workingDir = Path.of("").toAbsolutePath();
    private final ReloadChannel channel = new ReloadChannel();
    private final Consumer<LiveSite.Change> built;
    private SiteServer server;
    private SourceWatcher watcher;
    private Thread loop;

    /**
     * @param site    the site to keep built; the session closes it
     * @param watched the folders whose edits trigger a rebuild (content/, templates/)
     */
    public ServeSession(LiveSite site, List<Path> watched, PrintWriter out, PrintWriter err) {
        this(site, watched, out, err, change -> { });
    }

    /** @param built told of every good build, after it is on disk (the serve-edit benchmark times its stages) */
    public ServeSession(LiveSite site, List<Path> watched, PrintWriter out, PrintWriter err, Consumer<LiveSite.Change> built) {
        this.site = site;
        this.watched = List.copyOf(watched);
        this.out = out;
        this.err = err;
        this.built = built;
    }

    /**
     * Binds the port, then builds once, starts serving and watching; returns at once. A taken port fails before
     * anything is built, so site/ stays as it was. A broken first build still serves (whatever site/ holds, or
     * 404s) and shows the overlay until the first good save.
     *
     * @param port 0 for any free port
     */
    public void start(int port) {
        server = new SiteServer(site.out(), port, channel, new StoryInbox(site.content().resolve("stories")), site::hostPath);
        watcher = new SourceWatcher(watched); // before the build, so an edit made during it is not missed
        rebuild(Set.of());
        out.println("serving " + site.out() + " at http://127.0.0.1:" + server.port() + "/ ; watching "
                + String.join(", ", watched.stream().map(Path::toString).toList()) + " (Ctrl-C to stop)");
        out.flush();
        loop = new Thread(this::watch, "attoscope-watch");
        loop.setDaemon(true);
        loop.start();
    }

    public int port() {
        return server.port();
    }

    /** Blocks until the session is closed (Ctrl-C ends the JVM, which is how the command stops). */
    public void awaitClose() throws InterruptedException {
        loop.join();
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Set<Path> changed = watcher.next();
                if (changed.isEmpty()) {
                    return; // closed
                }
                rebuild(changed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rebuild(Set<Path> trigger) {
        boolean wasBroken = channel.problem() != null;
        try {
            LiveSite.Change change = site.update();
            List<String> changed = new ArrayList<>(change.written());
            changed.addAll(change.deleted());
            report(change, wasBroken, trigger.isEmpty());
            channel.built(changed);
            built.accept(change);
        } catch (InputException e) {
            fail(BuildProblem.of(e, workingDir));
        } catch (RuntimeException | StackOverflowError e) {
            // a bug, but the watch goes on: an overflow escaping here would end this thread, and serve would go on
            // serving without ever rebuilding again
            e.printStackTrace(err);
            fail(BuildProblem.of(e, workingDir));
        }
    }

    private void report(LiveSite.Change change, boolean wasBroken, boolean first) {
        String what = change.isEmpty() ? "nothing changed"
                : (first ? "built " : "rebuilt ") + describe(change.written()) + (change.deleted().isEmpty() ? "" : ", removed " + describe(change.deleted()))
                + (change.storiesTraced() > 0 ? " (" + change.storiesTraced() + " " + (change.storiesTraced() == 1 ? "story" : "stories") + " traced)" : "");
        out.println((wasBroken ? "fixed: " : "") + what + " in " + change.millis() + " ms");
        out.flush();
    }

    private static String describe(List<String> paths) {
        if (paths.size() <= 3) {
            return String.join(", ", paths);
        }
        return paths.size() + " files (" + String.join(", ", paths.subList(0, 2)) + ", ...)";
    }

    private void fail(BuildProblem p) {
        err.println("error: " + p.message());
        err.println("       still serving the last good site; save a fix to rebuild.");
        err.flush();
        channel.failed(p);
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        if (loop != null) {
            loop.interrupt();
        }
        if (server != null) {
            server.close();
        }
        site.close();
    }
}
