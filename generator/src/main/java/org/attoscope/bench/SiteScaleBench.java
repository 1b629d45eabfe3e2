package org.attoscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.ModelPageFigures;
import org.attoscope.pages.SiteBuild;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.verify.NuHtmlChecker;
import org.attoscope.verify.SiteVerification;

/**
 * A whole {@code attoscope build} of a site of {@code n} synthetic stories (the same seeded corpus as the points
 * benchmark): wall time, pages, points, and the heap's peak after the build, to show memory stays bounded. Without
 * verification by default (the pipeline alone); with {@code verify}, the build's own verifier runs before the
 * publish, as {@code attoscope build} does.
 */
public final class SiteScaleBench {
    private final ModelBundle bundle;
    private final int threads;
    private final PrintWriter out;

    public SiteScaleBench(ModelBundle bundle, int threads, PrintWriter out) {
        this.bundle = bundle;
        this.threads = threads;
        this.out = out;
    }

    public void run(Path content, Path templates, int stories, boolean verify) throws IOException {
        try (BenchProject project = BenchProject.copyOf(content, templates, bundle.dir())) {
            // the corpus replaces the curated stories and lessons: the case measures stories at scale
            for (String folder : List.of("stories", "lessons")) {
                Path dir = project.content.resolve(folder);
                if (Files.isDirectory(dir)) {
                    try (var files = Files.list(dir)) {
                        for (Path f : files.toList()) {
                            Files.delete(f);
                        }
                    }
                }
            }
            Files.createDirectories(project.content.resolve("stories"));
            List<String> corpus = SyntheticCorpus.generate(stories, 2024);
            for (int i = 0; i < corpus.size(); i++) {
                Files.writeString(project.content.resolve(String.format("stories/story-%04d.md", i)),
                        "---\ntitle: Story " + (i + 1) + "\n---\n" + corpus.get(i) + "\n");
            }
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            HeapPeak heap = new HeapPeak();
            ThreadCpu cpu = new ThreadCpu();
            SiteVerifier verifier = SiteVerifier.NONE;
            if (verify) {
                NuHtmlChecker html = new NuHtmlChecker(threads);
                html.prepare();
                verifier = new SiteVerification(project.content, bundle, html, project.site.toString(), threads);
            }
            SiteBuild build = new SiteBuild(new SiteBuild.Folders(project.content, project.templates, project.site),
                    SiteConfig.load(project.content), bundle, new ModelPageFigures(), verifier, w -> { }, threads);
            SiteBuild.Summary s = build.run();
            Optional<ThreadCpu.Split> split = cpu.finish();
            long peak = heap.bytes();
            heap.close(); // stops listening; what it saw stays readable
            long poolPeaks = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long size;
            try (var walk = Files.walk(project.site)) {
                size = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            out.printf("site of %d stories (%s): %.1f s, %d pages, %d prediction points (%.0f points/s), %.0f MB on disk, "
                            + "heap peak %d MB of max %d MB (in use just before the fullest collection), at most %d MB live after a "
                            + "collection (the pools' own peaks sum to %d MB, reached at different times), %d threads%n",
                    s.stories(), verify ? "verified, " + s.cellsVerified() + " cells" : "no verification", s.millis() / 1000.0, s.pages(), s.points(), s.points() / (s.millis() / 1000.0), size / 1e6,
                    peak >> 20, Runtime.getRuntime().maxMemory() >> 20, heap.liveBytes() >> 20, poolPeaks >> 20, threads);
            split.ifPresent(c -> out.printf("CPU since the JVM started: %.1f s, of which the JIT compiling %.1f s (C2 %.1f, C1 %.1f), "
                    + "the garbage collector's threads %.1f s, the rest (the build's own threads, the JVM's others) %.1f s%n",
                    c.total(), c.compiling(), c.c2(), c.c1(), c.collector(), c.rest()));
            out.flush();
        }
    }
}
