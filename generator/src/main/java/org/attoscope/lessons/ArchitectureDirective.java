package org.attoscope.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.attoscope.figures.ArchitectureFigure;
import org.attoscope.figures.ArchitectureSpec;

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
        var spec = ArchitectureSpec.of(bundle.config(), new ArrayList<>(bundle.tensors().values()));
        var svg = Figures.draw(d, () -> ArchitectureFigure.render(spec));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("data-model-sha256", bundle.sha256());
        return new LessonFigure(d, svg, "Drawn from the model bundle's manifest (model.bin sha256 "
                + bundle.sha256().substring(0, 12) + "…); every shape and count is read from it.", data);
    }
}
