package org.attoscope.lessons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.attoscope.InputException;
import org.attoscope.capture.Capture;
import org.attoscope.capture.CapturedTensor;
import org.attoscope.capture.Dtype;
import org.attoscope.capture.TensorKind;
import org.attoscope.content.ContentFiles;
import org.attoscope.content.Suggestions;

/**
 * The captured tensor a directive names ({@code capture=} and {@code tensor=}), opened through its hash lock, with
 * the row labels it should carry. Every failure (no such capture, a broken lock, no such tensor) is reported at the
 * directive's line, with the capture's own finding inside.
 *
 * @param capture the capture
 * @param tensor  the tensor, its values verified against the manifest's sha256
 * @param step    the generation step of a {@code stepSS.*} tensor, if its name has one
 * @param tokens  the words the model read at that step when the capture was made with the loaded model, else empty
 */
record CapturedInput(Capture capture, CapturedTensor tensor, Optional<Integer> step, List<String> tokens) {

    static CapturedInput of(Directive d, LessonSources sources) {
        return of(d, sources, d.required("tensor"));
    }

    /** The tensor {@code tensorName} of the directive's capture. */
    static CapturedInput of(Directive d, LessonSources sources, String tensorName) {
        String name = d.required("capture");
        Capture capture = capture(d, sources, name);
        if (!capture.hasTensor(tensorName)) {
            throw d.problem("capture " + name + " has no tensor " + tensorName + ".",
                    Suggestions.didYouMean(tensorName, capture.tensorNames()) + "its tensors are "
                            + Suggestions.listed(capture.tensorNames()) + ".");
        }
        CapturedTensor tensor;
        try {
            tensor = capture.tensor(tensorName);
        } catch (InputException e) {
            throw wrapped(d, e);
        }
        Optional<Integer> step = TensorKind.stepOf(tensorName);
        return new CapturedInput(capture, tensor, step, tokens(capture, step, sources));
    }

    /** The leading axes of the tensor as a list, e.g. [1, 2] of a [1, 2, 13, 13] tensor with {@code trailing} 2. */
    List<Integer> leadingShape(int trailing) {
        return tensor.shape().subList(0, tensor.rank() - trailing);
    }

    /** {@code n} labels: the step's tokens when there are exactly {@code n} of them, else positions 0..n-1. */
    List<String> labels(int n) {
        if (tokens.size() == n) {
            return tokens;
        }
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            positions.add(Integer.toString(i));
        }
        return positions;
    }

    /** Whether labels are the model's words (the capture was made by the loaded model). */
    boolean hasTokens() {
        return !tokens.isEmpty();
    }

    Dtype dtype() {
        return tensor.dtype();
    }

    String sha256() {
        return capture.manifest().tensors().get(tensor.name()).sha256();
    }

    static Capture capture(Directive d, LessonSources sources, String name) {
        List<String> names = sources.captures().names();
        if (!names.contains(name)) {
            throw d.problem("there is no capture " + name + " in " + sources.captures().dir() + ".",
                    Suggestions.didYouMean(name, names) + (names.isEmpty() ? "make one with `attoscope capture --name "
                            + name + " ...`." : "use one of " + Suggestions.listed(names) + ", or make it with "
                            + "`attoscope capture --name " + name + " ...`."));
        }
        Path dir = sources.captures().dir();
        for (String file : List.of(name + ".json", name + ".safetensors")) {
            ContentFiles.requireInside(dir.getParent(), dir.resolve(file), d.file(), d.line());
        }
        try {
            return sources.captures().get(name);
        } catch (InputException e) {
            throw wrapped(d, e);
        }
    }

    /** A capture's own finding (a broken hash lock, a truncated file), reported at the directive that needs it. */
    private static InputException wrapped(Directive d, InputException e) {
        String where = e.file() == null ? "" : e.file() + (e.line() > 0 ? ":" + e.line() : "") + ": ";
        InputException out = d.problem("capture " + d.required("capture") + " cannot be used: " + where + e.problem(),
                e.fix() != null ? e.fix() : "restore the capture's files or make it again with `attoscope capture`.");
        out.initCause(e);
        return out;
    }

    /**
     * Words only for a capture the loaded model made ({@code model_sha256} equal to the bundle's): another model's
     * ids mean other words, and a capture that does not say which model made it cannot be read as this vocabulary.
     */
    private static List<String> tokens(Capture capture, Optional<Integer> step, LessonSources sources) {
        var manifest = capture.manifest();
        if (step.isEmpty() || !sources.bundle().sha256().equals(manifest.modelSha256())
                || manifest.promptIds().isEmpty() || step.get() > manifest.outputIds().size()) {
            return List.of();
        }
        return manifest.idsAtStep(step.get()).stream().map(sources.bundle().tokenizer()::word).toList();
    }
}
