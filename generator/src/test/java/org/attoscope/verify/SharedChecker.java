package org.attoscope.verify;

/** One Nu HTML Checker for every test class in the run: setting one up parses the whole HTML schema. */
final class SharedChecker {
    static final NuHtmlChecker HTML = new NuHtmlChecker(2);

    private SharedChecker() {
    }
}
