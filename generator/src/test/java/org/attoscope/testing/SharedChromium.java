package org.attoscope.testing;

import com.microsoft.playwright.Browser;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@link HeadlessChromium} a browser spec class shares, as a JUnit extension: registered on a static field, it
 * starts before the class's first test and closes after its last, so no spec writes the start and the stop itself.
 */
public final class SharedChromium implements BeforeAllCallback, AfterAllCallback {
    private HeadlessChromium chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = HeadlessChromium.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    public Browser browser() {
        return chromium.browser();
    }
}
