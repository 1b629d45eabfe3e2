package org.attoscope.lessons;

import org.attoscope.capture.CaptureLibrary;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.Fragments;
import org.attoscope.pages.StoryTraces;

/**
 * What lesson figures are drawn from: the content folder's captures, the loaded model, and the site's traced
 * stories by slug (for {@code explorer} figures), each traced only when a figure asks for it; and the templates'
 * fragments that write the figures' markup.
 */
public record LessonSources(CaptureLibrary captures, ModelBundle bundle, StoryTraces stories, Fragments fragments) {
}
