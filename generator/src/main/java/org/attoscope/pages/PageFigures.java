package org.attoscope.pages;

import java.util.List;
import org.attoscope.content.Story;
import org.attoscope.model.ModelBundle;
import org.attoscope.trace.PromptTrace;

/**
 * Where the build gets the SVG figures it places on pages. The figures themselves are drawn elsewhere
 * ({@code org.attoscope.figures}); pages only decide where they go.
 */
public interface PageFigures {
    /** No figures: pages render their figure slots empty. */
    PageFigures NONE = new PageFigures() {
        @Override
        public List<RenderedFigure> storyFigures(Story story, PromptTrace trace) {
            return List.of();
        }

        @Override
        public List<RenderedFigure> explainerFigures(ModelBundle bundle) {
            return List.of();
        }
    };

    /** Figures under a story's explorer, in page order (the heads' attention matrices, the surprise strip). */
    List<RenderedFigure> storyFigures(Story story, PromptTrace trace);

    /** Figures on the explainer page, in page order (the architecture diagram). */
    List<RenderedFigure> explainerFigures(ModelBundle bundle);
}
