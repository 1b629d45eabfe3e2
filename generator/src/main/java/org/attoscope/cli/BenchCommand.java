package org.attoscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.attoscope.bench.Bench;
import org.attoscope.bench.BuildBench;
import org.attoscope.bench.ExplainBench;
import org.attoscope.bench.ProcessBench;
import org.attoscope.bench.ServeEditBench;
import org.attoscope.bench.SiteScaleBench;
import org.attoscope.content.StoryLibrary;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.ModelBundle;
import org.attoscope.model.ReferenceForward;
import org.attoscope.pages.Addresses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = "Measure prediction points per second: engine against the per-focus baseline.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--corpus", defaultValue = "1000", description = "synthetic stories in the corpus case (default: ${DEFAULT-VALUE})")
    int corpus;

    @Option(names = "--baseline-sample", defaultValue = "20", description = "corpus stories the slow baseline runs on (default: ${DEFAULT-VALUE})")
    int baselineSample;

    @Mixin
    ThreadOptions threadOptions = new ThreadOptions();

    @Option(names = "--min-seconds", defaultValue = "3", description = "time each case at least this long (default: ${DEFAULT-VALUE})")
    double minSeconds;

    @Option(names = "--case", defaultValue = "points", description = "points (engine against baseline), engine (the 1,000-story corpus case of points alone), process (whole `points` processes against the JavaScript and PyTorch baselines), serve-edit (save-to-disk "
            + "latency of attoscope serve), site-scale (a whole build of --corpus stories), explain (points --explain against points, and the verifier's forward pass on the same points) or build (a cold `build` process of --content "
            + "against `points --explain` of its stories) (default: ${DEFAULT-VALUE})")
    String benchCase;

    @Mixin
    TemplatesOption templatesOption = new TemplatesOption();

    @Option(names = "--edit", defaultValue = "lessons/03-sparse-attention.md", description = "serve-edit: the file under content/ to save (default: ${DEFAULT-VALUE})")
    String edit;

    @Option(names = "--rounds", defaultValue = "30", description = "serve-edit: measured saves (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--tools", defaultValue = "../shared/tools", paramLabel = "DIR",
            description = "process: the folder of seed-speed.mjs and torch-points.py (default: ${DEFAULT-VALUE})")
    java.nio.file.Path tools;

    @Option(names = "--model-js", paramLabel = "FILE", description = "process: docs/model.js of github.com/mb706/attoGPT, for the JavaScript baseline")
    java.nio.file.Path modelJs;

    @Option(names = "--corpus-points", defaultValue = "200000", description = "process: points in the corpus run against PyTorch (default: ${DEFAULT-VALUE})")
    int corpusPoints;

    @Option(names = "--verify", description = "site-scale: verify the site before publishing it, as `attoscope build` does")
    boolean verify;

    @Option(names = "--runs", defaultValue = "3", description = "process, build: timed runs of each command, after one warm-up (default: ${DEFAULT-VALUE})")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // a benchmark of nothing would time an empty loop millions of times and print rates of 0
        atLeastOne("--corpus", corpus);
        atLeastOne("--baseline-sample", baselineSample);
        atLeastOne("--rounds", rounds);
        atLeastOne("--corpus-points", corpusPoints);
        atLeastOne("--runs", runs);
        if (!(minSeconds > 0)) {
            throw new ParameterException(spec.commandLine(), "--min-seconds must be more than 0, not " + minSeconds + ".");
        }
        ModelBundle bundle = modelOptions.load();
        int n = threadOptions.count();
        switch (benchCase) {
            case "points" -> { }
            case "serve-edit" -> {
                String name = Path.of(edit).getFileName().toString().replaceFirst("\\.md$", "");
                String page = edit.startsWith(StoryLibrary.FOLDER + "/") ? Addresses.explorer(name) : Addresses.lesson(name);
                // the baseline serves as serve did before its lessons kept their figures: every save draws them all again
                List<ServeEditBench.Variant> variants = List.of(new ServeEditBench.Variant("serve", SiteSections.live(bundle)),
                        new ServeEditBench.Variant("baseline (figures and formulas drawn afresh)", content -> SiteSections.of(content, bundle)));
                new ServeEditBench(bundle, variants, n, spec.commandLine().getOut())
                        .run(modelOptions.content, templatesOption.templates, edit, page, 10, rounds);
                return 0;
            }
            case "engine" -> {
                new Bench(new AttoGpt(bundle), new ReferenceForward(bundle), n, minSeconds, spec.commandLine().getOut()).runCorpus(corpus);
                return 0;
            }
            case "explain" -> {
                new ExplainBench(bundle, n, minSeconds, spec.commandLine().getOut()).run(corpus);
                return 0;
            }
            case "process" -> {
                new ProcessBench(bundle.dir(), bundle.tokenizer(), tools, modelJs, runs, spec.commandLine().getOut()).run(corpusPoints);
                return 0;
            }
            case "build" -> {
                new BuildBench(bundle, runs, spec.commandLine().getOut()).run(modelOptions.content, templatesOption.templates);
                return 0;
            }
            case "site-scale" -> {
                new SiteScaleBench(bundle, n, spec.commandLine().getOut()).run(modelOptions.content, templatesOption.templates, corpus, verify);
                return 0;
            }
            default -> throw new ParameterException(spec.commandLine(),
                    "unknown --case " + benchCase + "; use points, engine, process, explain, build, serve-edit or site-scale");
        }
        spec.commandLine().getOut().printf("attoscope bench: %s, %d threads, Java %s%n", bundle.dir(), n, Runtime.version());
        new Bench(new AttoGpt(bundle), new ReferenceForward(bundle), n, minSeconds, spec.commandLine().getOut())
                .run(corpus, baselineSample);
        return 0;
    }

    private void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1, not " + value + ".");
        }
    }
}
