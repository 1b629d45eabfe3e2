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
import org.attoscope.model.Tokenizer;
import org.attoscope.util.Json;

/**
 * Whole processes, start to exit: {@code attoscope points} (a fresh JVM, model load and output file included) against
 * the outside baselines of {@code ../shared/tools} run as their own commands, on the same inputs in the same run.
 *
 * <ul>
 *   <li>The live explorer's per-focus JavaScript ({@code seed-speed.mjs} under Node, given the public attoGPT
 *       {@code docs/model.js}), timed as it reports itself: forward passes only, the page already loaded; attoscope's
 *       time includes its JVM start. On a 100-token story (the first 99 words of the long story) and the long story (211).</li>
 *   <li>The batched PyTorch script ({@code torch-points.py}), the same job as {@code points}, process against process,
 *       on a synthetic corpus of about 200,000 points.</li>
 * </ul>
 * A baseline whose tool is missing is reported as absent, with what to install, rather than skipped silently.
 */
public final class ProcessBench {
    private static final Pattern JS_RESULT = Pattern.compile("(\\d+) points in ([0-9.]+) s");

    private final Path modelDir;
    private final Tokenizer tokenizer;
    private final Path tools;
    private final Path modelJs;
    private final int runs;
    private final PrintWriter out;

    public ProcessBench(Path modelDir, Tokenizer tokenizer, Path tools, Path modelJs, int runs, PrintWriter out) {
        this.modelDir = modelDir;
        this.tokenizer = tokenizer;
        this.tools = tools;
        this.modelJs = modelJs;
        this.runs = runs;
        this.out = out;
    }

    public void run(int corpusPoints) throws IOException, InterruptedException {
        String longStory = Bench.resource("/bench/long-story.txt");
        Path work = Files.createTempDirectory("attoscope-process-bench");
        try {
            String story100 = firstTokens(longStory, 99);
            for (String[] s : List.of(new String[] {"100-token story", story100}, new String[] {"211-token story", longStory})) {
                Path prompts = work.resolve("prompts-" + s[0].substring(0, 3) + ".json");
                Json.mapper().writeValue(prompts.toFile(), List.of(Map.of("name", "story", "text", s[1])));
                int points = tokenizer.encode(s[1]).size();
                double engine = median(() -> time(attoscopePoints(prompts, work.resolve("out.json"))));
                out.printf("%s (%d points): attoscope points, whole process: %.3f s (median of %d)%n", s[0], points, engine, runs);
                Double js = javascript(prompts);
                if (js != null) {
                    out.printf("%s: live explorer's JavaScript, forward passes only: %.3f s -> attoscope is %.1fx%n", s[0], js, js / engine);
                }
                out.flush();
            }
            torch(work, corpusPoints);
        } finally {
            try (var walk = Files.walk(work)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void torch(Path work, int corpusPoints) throws IOException, InterruptedException {
        List<String> corpus = new ArrayList<>();
        int points = 0;
        // the points benchmark's corpus, as many stories as make the points asked for
        List<String> stories = SyntheticCorpus.generate(Math.max(1, corpusPoints / 100), 2024);
        for (String story : stories) {
            if (points >= corpusPoints) {
                break;
            }
            corpus.add(story);
            points += tokenizer.encode(story).size();
        }
        Path prompts = work.resolve("corpus.json");
        List<Map<String, String>> list = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            list.add(Map.of("name", "story-" + i, "text", corpus.get(i)));
        }
        Json.mapper().writeValue(prompts.toFile(), list);
        double engine = median(() -> time(attoscopePoints(prompts, work.resolve("out.json"))));
        out.printf("corpus of %d stories (%d points): attoscope points, whole process: %.2f s (%.0f points/s, median of %d)%n",
                corpus.size(), points, engine, points / engine, runs);
        Path script = tools.resolve("torch-points.py");
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isRegularFile(script) || !Files.isExecutable(python) || run(List.of(python.toString(), "-c", "import torch")) != 0) {
            out.printf("PyTorch baseline absent: needs %s and Debian's python3-torch + libopenblas0-pthread%n", script);
            out.flush();
            return;
        }
        List<String> cmd = List.of("env", "-u", "OPENBLAS_CORETYPE", "-u", "OPENBLAS_L2_SIZE", python.toString(), script.toString(),
                modelDir.toString(), prompts.toString(), work.resolve("torch.json").toString());
        double torch = median(() -> time(cmd));
        out.printf("corpus: PyTorch script (%s), whole process: %.2f s -> attoscope is %.1fx%n", script, torch, torch / engine);
        out.flush();
    }

    private Double javascript(Path prompts) throws IOException, InterruptedException {
        Path script = tools.resolve("seed-speed.mjs");
        if (modelJs == null || !Files.isRegularFile(modelJs) || !Files.isRegularFile(script)) {
            out.printf("JavaScript baseline absent: pass --model-js with docs/model.js of github.com/mb706/attoGPT (and have %s)%n", script);
            return null;
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Process p = new ProcessBuilder("node", script.toString(), modelJs.toString(), modelDir.toString(), prompts.toString())
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = JS_RESULT.matcher(text);
            if (p.waitFor() != 0 || !m.find()) {
                out.printf("JavaScript baseline failed: %s%n", text.strip());
                return null;
            }
            times.add(Double.parseDouble(m.group(2)));
        }
        return times.stream().sorted().toList().get(times.size() / 2);
    }

    private List<String> attoscopePoints(Path prompts, Path outFile) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar;
        try {
            jar = Path.of(ProcessBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return List.of(java, "-jar", jar, "points", "--model", modelDir.toString(), "--prompts", prompts.toString(), "--out", outFile.toString());
    }

    private interface Timed {
        double seconds() throws IOException, InterruptedException;
    }

    private double median(Timed t) throws IOException, InterruptedException {
        t.seconds(); // warm the file cache and the OS, as a user's second run would be
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(t.seconds());
        }
        return times.stream().sorted().toList().get(times.size() / 2);
    }

    private double time(List<String> cmd) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        int rc = run(cmd);
        double s = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IllegalStateException("exit " + rc + " from " + String.join(" ", cmd));
        }
        return s;
    }

    private static int run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }

    /** The text up to and including its n-th token, so the story has n + 1 points with {@code <bos>}. */
    private static String firstTokens(String text, int n) {
        Matcher m = Pattern.compile("[A-Za-z]+|[.,!?]").matcher(text);
        int count = 0;
        while (m.find()) {
            if (++count == n) {
                return text.substring(0, m.end());
            }
        }
        return text;
    }
}
