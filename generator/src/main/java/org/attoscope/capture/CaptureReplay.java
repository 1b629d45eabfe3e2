package org.attoscope.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.attoscope.InputException;
import org.attoscope.model.AttoGpt;

/**
 * Deterministic re-execution: runs a capture's prompt and steps again with the loaded model, in memory, and compares
 * every tensor's sha256 with the manifest's.
 *
 * <p>The engine adds in a fixed order, so the same model and prompt give the same bits on any machine; a difference
 * means the capture, the model or the engine changed. Only captures this can reproduce are re-run: one whose
 * manifest names this model's sha256 and was written by {@code attoscope capture}. Any other is skipped, and the
 * report says why, rather than passing silently.
 */
public final class CaptureReplay {
    private final AttoGpt engine;

    public CaptureReplay(AttoGpt engine) {
        this.engine = engine;
    }

    public ReplayReport replay(Capture capture) {
        CaptureManifest m = capture.manifest();
        String name = capture.name();
        if (m.modelSha256() == null) {
            return ReplayReport.skipped(name, "the manifest names no model_sha256 (model \"" + m.model() + "\""
                    + (m.generator() == null ? "" : ", written by \"" + m.generator() + "\"") + "), so there are no weights to re-run it with.");
        }
        if (!m.modelSha256().equals(engine.modelSha256())) {
            return ReplayReport.skipped(name, "it was made with model sha256 " + m.modelSha256() + " and the loaded model is " + engine.modelSha256() + ".");
        }
        if (!CaptureManifest.ATTOSCOPE_GENERATOR.equals(m.generator())) {
            return ReplayReport.skipped(name, "it was written by \"" + m.generator() + "\", not \"" + CaptureManifest.ATTOSCOPE_GENERATOR
                    + "\"; other code running the same weights need not produce the same bits.");
        }
        if (m.prompt() == null || m.steps() == null) {
            return ReplayReport.compared(name, 0, List.of(new Mismatch("manifest", "a prompt and a number of steps to re-run",
                    (m.prompt() == null ? "no prompt" : "no steps"))));
        }
        CaptureRun fresh;
        try {
            fresh = new CaptureRecorder(engine).record(m.prompt(), m.steps());
        } catch (InputException e) {
            return ReplayReport.compared(name, 0, List.of(new Mismatch("re-run", "a run of the manifest's prompt and steps", e.problem())));
        }
        List<Mismatch> drifts = new ArrayList<>();
        CaptureManifest again = fresh.manifest();
        compare("prompt_ids", m.promptIds(), again.promptIds(), drifts);
        compare("output_ids", m.outputIds(), again.outputIds(), drifts);
        compare("output_text", m.outputText(), again.outputText(), drifts);
        Map<String, ManifestTensor> expected = m.tensors();
        Map<String, ManifestTensor> actual = again.tensors();
        SortedSet<String> names = new TreeSet<>(expected.keySet());
        names.addAll(actual.keySet());
        int compared = 0;
        for (String tensor : names) {
            ManifestTensor e = expected.get(tensor);
            ManifestTensor a = actual.get(tensor);
            if (e == null || a == null) {
                drifts.add(new Mismatch(tensor, e == null ? null : e.sha256(), a == null ? null : a.sha256()));
                continue;
            }
            compared++;
            if (!e.dtype().equals(a.dtype()) || !e.shape().equals(a.shape())) {
                drifts.add(new Mismatch(tensor, e.dtype() + " " + Shapes.show(e.shape()), a.dtype() + " " + Shapes.show(a.shape())));
            } else if (!e.sha256().equals(a.sha256())) {
                drifts.add(new Mismatch(tensor, e.sha256(), a.sha256()));
            }
        }
        return ReplayReport.compared(name, compared, drifts);
    }

    private static void compare(String field, Object expected, Object actual, List<Mismatch> drifts) {
        if (!Objects.equals(expected, actual)) {
            drifts.add(new Mismatch(field, String.valueOf(expected), String.valueOf(actual)));
        }
    }
}
