package org.attoscope.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --threads N}, shared by every command that runs the model or checks pages in parallel. */
final class ThreadOptions {
    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Threads per core beyond which more only cost memory (each holds a stack and, in a build, a story in flight). */
    static final int PER_CORE = 4;

    /** The most threads a command accepts on a machine of {@code cores} cores. */
    static int ceiling(int cores) {
        return Math.max(16, PER_CORE * cores);
    }

    /** The thread count asked for, or every core. */
    int count() {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new ParameterException(command.commandLine(), "--threads must be at least 1, not " + threads + ".");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads > ceiling(cores)) {
            throw new ParameterException(command.commandLine(), "--threads " + threads + " is more than this machine can use: at most "
                    + ceiling(cores) + " (" + PER_CORE + " per core on " + cores + " cores); leave it out to use every core.");
        }
        return threads;
    }
}
