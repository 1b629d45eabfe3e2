package org.attoscope.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.attoscope.pages.BuildProgress;

/**
 * A one-line progress bar on a terminal, redrawn in place with a carriage return at most ten times a second and
 * cleared when the build ends. Only for terminals: piped output and CI logs get {@link BuildProgress#NONE}.
 */
final class TerminalProgress implements BuildProgress {
    private static final int WIDTH = 28;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private int stories;
    private int points;
    private int storiesDone;
    private int pointsDone;
    private long lastDraw;
    private boolean drawn;

    private TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** A bar on {@code err} when the JVM has a terminal (neither output is piped), else nothing. */
    static BuildProgress forTerminal(PrintWriter err) {
        return System.console() != null ? new TerminalProgress(err) : BuildProgress.NONE;
    }

    @Override
    public synchronized void started(int stories, int points) {
        this.stories = stories;
        this.points = points;
        draw();
    }

    @Override
    public synchronized void storyDone(String slug, int storyPoints) {
        storiesDone++;
        pointsDone += storyPoints;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS || storiesDone == stories) {
            draw();
        }
    }

    @Override
    public synchronized void finished() {
        if (drawn) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }

    private void draw() {
        lastDraw = System.nanoTime();
        double share = points == 0 ? 1 : (double) pointsDone / points;
        int filled = (int) Math.round(share * WIDTH);
        err.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  %,d/%,d points  %d/%d stories traced and rendered  %.1f s",
                "#".repeat(filled), "-".repeat(WIDTH - filled), (int) Math.floor(share * 100), pointsDone, points,
                storiesDone, stories, (lastDraw - start) / 1e9));
        err.flush();
        drawn = true;
    }
}
