package org.attoscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.LiveSite;
import org.attoscope.pages.ModelPageFigures;
import org.attoscope.pages.SiteBuild;
import org.attoscope.pages.SiteSection;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.serve.ServeSession;

/**
 * Save-to-disk latency of {@code attoscope serve}: real sessions (watcher, debounce, warm site, server), each on its
 * own copy of the project; each round appends a sentence to one file and times until the page on disk carries it.
 * The way {@code serve} works and a baseline run side by side and take turns, save by save, so that the machine's
 * changing load falls on both alike.
 */
public final class ServeEditBench {
    /**
     * One way of serving the project.
     *
     * @param sections how a session reads the site's sections on every update
     */
    public record Variant(String name, Function<Path, List<SiteSection>> sections) {
    }

    private final ModelBundle bundle;
    private final List<Variant> variants;
    private final int threads;
    private final PrintWriter out;

    /** @param variants the first is the one measured, the others its baselines */
    public ServeEditBench(ModelBundle bundle, List<Variant> variants, int threads, PrintWriter out) {
        this.bundle = bundle;
        this.variants = List.copyOf(variants);
        this.threads = threads;
        this.out = out;
    }

    /** A running session of one variant, and what it measured. */
    private record Served(Variant variant, BenchProject project, ServeSession session, String original,
                          ConcurrentLinkedQueue<LiveSite.Change> builds, List<Double> millis, List<LiveSite.Stages> stages) {
    }

    /**
     * @param source    the file to edit, relative to content/ (a lesson, or a story)
     * @param page      the page it renders, relative to the site root
     * @param rounds    measured saves per variant, after {@code warmup} unmeasured ones
     */
    public void run(Path content, Path templates, String source, String page, int warmup, int rounds) throws Exception {
        List<Served> served = new ArrayList<>();
        try {
            for (Variant v : variants) {
                BenchProject project = BenchProject.copyOf(content, templates, bundle.dir());
                ConcurrentLinkedQueue<LiveSite.Change> builds = new ConcurrentLinkedQueue<>();
                ServeSession session = new ServeSession(new LiveSite(new SiteBuild.Folders(project.content, project.templates, project.site),
                        SiteConfig.load(project.content), bundle, new ModelPageFigures(), SiteVerifier.NONE, w -> { }, threads, v.sections()),
                        List.of(project.content, project.templates), new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()),
                        builds::add);
                served.add(new Served(v, project, session, Files.readString(project.content.resolve(source)), builds, new ArrayList<>(),
                        new ArrayList<>()));
                session.start(0);
                builds.clear(); // the first build is not an edit
            }
            for (int i = 0; i < warmup + rounds; i++) {
                for (int k = 0; k < served.size(); k++) {
                    // every other round in the opposite order, so no variant always runs right after another
                    save(served.get(i % 2 == 0 ? k : served.size() - 1 - k), source, page, i, i >= warmup);
                }
            }
            out.printf("save %s -> %s on disk, %d saves each after %d warm-up, taking turns (median / p90 / max; "
                    + "median of each update's stages: read, plan, render, write):%n", source, page, rounds, warmup);
            for (Served s : served) {
                report(s);
            }
            double measured = median(served.get(0).millis());
            for (Served s : served.subList(1, served.size())) {
                out.printf(Locale.ROOT, "  %s: %.2fx faster than %s%n", served.get(0).variant().name(), median(s.millis()) / measured,
                        s.variant().name());
            }
            out.flush();
        } finally {
            for (Served s : served) {
                s.session().close();
                s.project().close();
            }
        }
    }

    private static void save(Served s, String source, String page, int i, boolean measured) throws Exception {
        Path file = s.project().content.resolve(source);
        Path html = s.project().site.resolve(page);
        String marker = "Edit number " + i + " is here.";
        s.builds().clear();
        long t0 = System.nanoTime();
        Files.writeString(file, s.original().stripTrailing() + " " + marker + "\n");
        while (!contains(html, marker)) {
            if (System.nanoTime() - t0 > 30_000_000_000L) {
                throw new IllegalStateException("no rebuild of " + page + " within 30 s");
            }
            Thread.sleep(0, 200_000);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        Thread.sleep(150); // let the watcher's quiet period end before the next save
        if (measured) {
            s.millis().add(ms);
            // the update that wrote the page (a save the watcher saw as two bursts makes two)
            s.builds().stream().filter(c -> c.written().contains(page)).reduce((a, b) -> b).ifPresent(c -> s.stages().add(c.stages()));
        }
    }

    private void report(Served s) {
        double[] sorted = s.millis().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.printf(Locale.ROOT, "  %s: %.0f / %.0f / %.0f ms; stages %.1f, %.1f, %.1f, %.1f ms%n", s.variant().name(),
                sorted[sorted.length / 2], sorted[(int) Math.floor(sorted.length * 0.9)], sorted[sorted.length - 1],
                stage(s, LiveSite.Stages::read), stage(s, LiveSite.Stages::plan), stage(s, LiveSite.Stages::render),
                stage(s, LiveSite.Stages::write));
    }

    private static double stage(Served s, ToDoubleFunction<LiveSite.Stages> stage) {
        return median(s.stages().stream().map(st -> stage.applyAsDouble(st)).toList());
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
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
