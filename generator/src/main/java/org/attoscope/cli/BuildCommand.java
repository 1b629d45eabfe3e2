package org.attoscope.cli;

import java.util.concurrent.Callable;
import org.attoscope.model.ModelBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", description = "Build the whole site into --out, atomically.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelBundle bundle = modelOptions.load();
        spec.commandLine().getOut().println("model " + bundle.dir() + " sha256 " + bundle.sha256() + " ok");
        return 0;
    }
}
