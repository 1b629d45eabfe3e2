/**
 * The playground: a page that runs the model in the reader's browser on any text (FORMATS.md section 7).
 *
 * <p>The build contributes only data here: the page from its template, the bundle's weights as a script the page
 * loads from disk ({@link WeightsScript}), the default stories as presets, and one story's verified points for
 * the page to check its own engine against ({@link PlaygroundPage}). The engine itself is the site's script
 * {@code templates/assets/playground/engine.js}, a port of {@code model/}, whose dense products run in the
 * WebAssembly of {@code kernels.wat} (shipped as {@code kernels.js}); the page's policy alone may compile it
 * ({@link org.attoscope.pages.ContentPolicy}).
 */
package org.attoscope.playground;
