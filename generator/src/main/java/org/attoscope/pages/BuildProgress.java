package org.attoscope.pages;

/**
 * Hears how far a build is: the model runs and page rendering, story by story. Called from the build's worker
 * threads; an implementation that draws must synchronise itself.
 */
public interface BuildProgress {
    /** Hears nothing: builds in tests, in CI, and whenever the output is not a terminal. */
    BuildProgress NONE = new BuildProgress() {
        @Override
        public void started(int stories, int points) {
        }

        @Override
        public void storyDone(String slug, int points) {
        }

        @Override
        public void finished() {
        }
    };

    /** Before the first model run: how many stories will be traced and rendered, and their points in all. */
    void started(int stories, int points);

    /** One story was traced and its explorer page written. */
    void storyDone(String slug, int points);

    /** The pages are all written (successfully or not); a drawing implementation clears its line here. */
    void finished();
}
