package org.attoscope.lessons;

import java.util.Map;
import java.util.TreeMap;
import org.attoscope.capture.CaptureLibrary;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.TracedStory;

/**
 * What lesson figures are drawn from: the content folder's captures, the loaded model, and the site's traced
 * stories by slug (for {@code explorer} figures).
 */
public record LessonSources(CaptureLibrary captures, ModelBundle bundle, Map<String, TracedStory> stories) {

    public LessonSources {
        stories = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(stories));
    }
}
