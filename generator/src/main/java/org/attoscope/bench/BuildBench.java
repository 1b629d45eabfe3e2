package org.attoscope.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attoscope.content.Story;
import org.attoscope.content.StoryLibrary;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.StoryExcerpt;
import org.attoscope.util.Json;

/**
 * The cold build, as a user runs it: {@code java -jar attoscope.jar build} of a content folder in a fresh JVM (JVM
 * start, model load, every explorer's why and what-if data, pages, verification and the atomic publish), and
 * a rebuild of the same content with the verification cache filled (each page's outcome taken from it), and
 * {@code verify} of the built site on its own, against the baseline of the target: {@code points --explain}
 * of the same stories (each story's explored text, as its explorer shows it), also a whole process, in the same run.
 * Each command runs once to warm the file cache, then {@code runs} times; the median is reported, with the load
 * average, because on a shared machine the wall time depends on what else runs.
 */
public final class BuildBench {
    private static final Pattern VERIFY_TIMES = Pattern.compile("in ([0-9.]+) s \\(engine ([0-9.]+) s, HTML checker ([0-9.]+) s");

    private final ModelBundle bundle;
    private final int runs;
    private final PrintWriter out;

    public BuildBench(ModelBundle bundle, int runs, PrintWriter out) {
        this.bundle = bundle;
        this.runs = Math.max(1, runs);
        this.out = out;
    }

    public void run(Path content, Path templates) throws IOException {
        try (BenchProject project = BenchProject.copyOf(content, templates, bundle.dir())) {
            Path prompts = project.root.resolve("stories.json");
            int points = writePrompts(project.content, prompts);
            String jar = jar();
            List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar);
            // cold: the verification cache (on by default for a rebuild) is off, so every page is re-derived
            List<String> build = concat(java, "build", "--no-verify-cache", "--content", project.content.toString(), "--templates",
                    project.templates.toString(), "--out", project.site.toString());
            List<String> rebuild = concat(java, "build", "--content", project.content.toString(), "--templates",
                    project.templates.toString(), "--out", project.site.toString());
            List<String> verify = concat(java, "verify", "--content", project.content.toString(), "--templates",
                    project.templates.toString(), "--site", project.site.toString());
            List<String> explain = concat(java, "points", "--explain", "--model", bundle.dir().toString(), "--prompts",
                    prompts.toString(), "--out", project.root.resolve("points.json").toString());

            out.printf("attoscope bench build: %s (%d stories' explored text, %d points), Java %s, %d cores, load average %s%n",
                    content, countStories(project.content), points, Runtime.version(), Runtime.getRuntime().availableProcessors(), load());
            out.flush();
            double explainSeconds = median(explain).seconds;
            out.printf("points --explain of the same stories, whole process: %.2f s (median of %d)%n", explainSeconds, runs);
            out.flush();
            Run built = median(build);
            out.printf("build (cold JVM, verification included), whole process: %.2f s (median of %d) -> %.2fx the points --explain run "
                    + "(target: at most 3x, and 3 s)%n", built.seconds, runs, built.seconds / explainSeconds);
            out.flush();
            Run again = median(rebuild); // its warm-up run fills the cache
            out.printf("rebuild of the unchanged content (the verification cache on, as by default): %.2f s (median of %d)%n",
                    again.seconds, runs);
            out.flush();
            Run verified = median(verify);
            Matcher m = VERIFY_TIMES.matcher(verified.output);
            out.printf("verify alone, whole process: %.2f s (median of %d)%s%n", verified.seconds, runs,
                    m.find() ? "; inside: " + m.group(1) + " s, the independent forward pass " + m.group(2)
                            + " CPU-s and the HTML checker " + m.group(3) + " CPU-s (summed over threads)" : "");
            out.printf("load average after: %s%n", load());
            out.flush();
        }
    }

    /** The stories as their explorers show them (at most {@link StoryExcerpt#MAX_TOKENS} tokens), as a prompts file. */
    private int writePrompts(Path content, Path prompts) throws IOException {
        List<Map<String, String>> list = new ArrayList<>();
        int points = 0;
        for (Story s : StoryLibrary.load(content)) {
            var encoding = bundle.tokenizer().encode(s.text());
            Story explored = StoryExcerpt.of(s, encoding);
            list.add(Map.of("name", s.slug(), "text", explored.text()));
            points += Math.min(encoding.size(), StoryExcerpt.MAX_TOKENS);
        }
        Json.mapper().writeValue(prompts.toFile(), list);
        return points;
    }

    private static int countStories(Path content) {
        return StoryLibrary.load(content).size();
    }

    private record Run(double seconds, String output) {
    }

    private Run median(List<String> cmd) throws IOException {
        once(cmd); // warm the file cache, as a user's second build would be
        List<Run> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(once(cmd));
        }
        times.sort((a, b) -> Double.compare(a.seconds, b.seconds));
        return times.get(times.size() / 2);
    }

    private static Run once(List<String> cmd) throws IOException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc;
        try {
            rc = p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IllegalStateException("exit " + rc + " from " + String.join(" ", cmd) + ":\n" + text.strip());
        }
        return new Run(s, text);
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> out = new ArrayList<>(head);
        out.addAll(List.of(tail));
        return out;
    }

    private static String jar() {
        try {
            return Path.of(BuildBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
