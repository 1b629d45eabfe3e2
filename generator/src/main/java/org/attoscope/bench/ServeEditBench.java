package org.attoscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.LiveSite;
import org.attoscope.pages.ModelPageFigures;
import org.attoscope.pages.SiteBuild;
import org.attoscope.pages.SiteSection;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.serve.ServeSession;

/**
 * Save-to-disk latency of {@code attoscope serve}: a real session (watcher, debounce, warm site, server) on a copy
 * of the project; each round appends a sentence to one file and times until the page on disk carries it.
 */
public final class ServeEditBench {
    private final ModelBundle bundle;
    private final Function<Path, List<SiteSection>> sections;
    private final int threads;
    private final PrintWriter out;

    public ServeEditBench(ModelBundle bundle, Function<Path, List<SiteSection>> sections, int threads, PrintWriter out) {
        this.bundle = bundle;
        this.sections = sections;
        this.threads = threads;
        this.out = out;
    }

    /**
     * @param source    the file to edit, relative to content/ (a lesson, or a story)
     * @param page      the page it renders, relative to the site root
     * @param rounds    measured edits, after {@code warmup} unmeasured ones
     */
    public void run(Path content, Path templates, String source, String page, int warmup, int rounds) throws Exception {
        try (BenchProject project = BenchProject.copyOf(content, templates, bundle.dir());
             ServeSession session = new ServeSession(new LiveSite(new SiteBuild.Folders(project.content, project.templates, project.site),
                     SiteConfig.load(project.content), bundle, new ModelPageFigures(), SiteVerifier.NONE, w -> { }, threads, sections),
                     List.of(project.content, project.templates), new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()))) {
            session.start(0);
            Path file = project.content.resolve(source);
            Path html = project.site.resolve(page);
            String original = Files.readString(file);
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < warmup + rounds; i++) {
                String marker = "Edit number " + i + " is here.";
                long t0 = System.nanoTime();
                Files.writeString(file, original.stripTrailing() + " " + marker + "\n");
                while (!contains(html, marker)) {
                    if (System.nanoTime() - t0 > 30_000_000_000L) {
                        throw new IllegalStateException("no rebuild of " + page + " within 30 s");
                    }
                    Thread.sleep(0, 200_000);
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                if (i >= warmup) {
                    millis.add(ms);
                }
                Thread.sleep(150); // let the watcher's quiet period end before the next save
            }
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            out.printf("save %s -> %s on disk: median %.0f ms, p90 %.0f ms, max %.0f ms (%d saves after %d warm-up)%n", source, page,
                    sorted[sorted.length / 2], sorted[(int) Math.floor(sorted.length * 0.9)], sorted[sorted.length - 1], rounds, warmup);
            out.flush();
        }
    }

    private static boolean contains(Path html, String marker) {
        try {
            return Files.isRegularFile(html) && Files.readString(html).contains(marker);
        } catch (IOException e) {
            return false; // being replaced right now
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
