package org.attoscope.lessons;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.attoscope.figures.ArchitectureFigure;
import org.attoscope.figures.ArchitectureSpec;
import org.attoscope.model.TensorSpec;

/** {@code architecture}: the loaded model drawn from its manifest, every weight tensor with its shape and count. */
final class ArchitectureDirective implements FigureDirective {

    @Override
    public String name() {
        return "architecture";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("caption");
    }

    @Override
    public LessonFigure render(Directive d, LessonSources sources) {
        var bundle = sources.bundle();
        // The bundle's tensor map has no order; model.bin's layout (by offset) is the manifest's, data-flow order.
        List<TensorSpec> tensors = List.copyOf(bundle.tensors().values());
        var spec = ArchitectureSpec.of(bundle.config(), tensors);
        var svg = Figures.draw(d, () -> ArchitectureFigure.render(spec));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("data-model-sha256", bundle.sha256());
        return new LessonFigure(d, svg, "Drawn from the model bundle's manifest (model.bin sha256 "
                + bundle.sha256().substring(0, 12) + "…); every shape and count is read from it.", data);
    }
}
