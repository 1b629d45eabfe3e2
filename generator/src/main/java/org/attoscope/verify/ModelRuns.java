package org.attoscope.verify;

import java.nio.file.Path;
import java.util.List;
import org.attoscope.capture.CaptureLibrary;
import org.attoscope.capture.CaptureReplay;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.SiteBuild;
import org.attoscope.verify.audit.PlainForward;

/**
 * What one verification compares the site's numbers with: every story through the verifier's own forward pass
 * ({@link AuditedStories}), and every capture of the content folder, through its hash locks and, when it was made with
 * this model, a bit-for-bit replay ({@link CaptureChecks}).
 */
final class ModelRuns {
    /** The captures' checks and how long they took. */
    record Captures(List<CaptureChecks.Outcome> outcomes, long millis) {
    }

    private final AuditedStories stories;
    private final CaptureLibrary captures;
    private final CaptureReplay replay;
    private final ModelBundle bundle;

    ModelRuns(Path content, ModelBundle bundle, PlainForward plain, CaptureReplay replay, BuiltSite site) {
        this.stories = new AuditedStories(content, bundle, plain, site, SiteBuild.TOP_N);
        this.captures = new CaptureLibrary(content.resolve("captures"));
        this.replay = replay;
        this.bundle = bundle;
    }

    AuditedStories stories() {
        return stories;
    }

    CaptureFigureCheck captureFigures() {
        return new CaptureFigureCheck(captures);
    }

    EngineFigureCheck engineFigures() {
        return new EngineFigureCheck(stories);
    }

    PointsCheck points() {
        return new PointsCheck(stories);
    }

    /** Checks every capture, whether a figure uses it or not. */
    Captures checkCaptures() {
        long start = System.nanoTime();
        List<CaptureChecks.Outcome> outcomes = new CaptureChecks(captures, replay, bundle).run();
        return new Captures(outcomes, (System.nanoTime() - start) / 1_000_000);
    }
}
