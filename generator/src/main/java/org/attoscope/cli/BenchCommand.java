package org.attoscope.cli;

import java.util.concurrent.Callable;
import org.attoscope.bench.Bench;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.ModelBundle;
import org.attoscope.model.PerFocusBaseline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = "Measure prediction points per second: engine against the per-focus baseline.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--corpus", defaultValue = "1000", description = "synthetic stories in the corpus case (default: ${DEFAULT-VALUE})")
    int corpus;

    @Option(names = "--baseline-sample", defaultValue = "20", description = "corpus stories the slow baseline runs on (default: ${DEFAULT-VALUE})")
    int baselineSample;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--min-seconds", defaultValue = "3", description = "time each case at least this long (default: ${DEFAULT-VALUE})")
    double minSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelBundle bundle = modelOptions.load();
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        spec.commandLine().getOut().printf("attoscope bench: %s, %d threads, Java %s%n", bundle.dir(), n, Runtime.version());
        new Bench(new AttoGpt(bundle), new PerFocusBaseline(bundle), n, minSeconds, spec.commandLine().getOut())
                .run(corpus, baselineSample);
        return 0;
    }
}
