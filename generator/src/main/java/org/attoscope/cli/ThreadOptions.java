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

    /** The thread count asked for, or every core. */
    int count() {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new ParameterException(command.commandLine(), "--threads must be at least 1, not " + threads + ".");
        }
        return threads;
    }
}
