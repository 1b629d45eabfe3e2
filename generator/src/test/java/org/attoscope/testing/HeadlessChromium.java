package org.attoscope.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one way the browser tests start a browser: Playwright driving Debian's chromium, never a browser of its own
 * (this machine reaches no download host), headless, with no background connections (the network is closed, and
 * every refused request would be noise in the tests' request logs).
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright) {
        this.playwright = playwright;
        this.browser = launch(playwright);
    }

    /** Playwright and the browser a spec class shares; {@link #close()} ends both. */
    public static HeadlessChromium start() {
        Playwright playwright = playwright();
        try {
            return new HeadlessChromium(playwright);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public Browser browser() {
        return browser;
    }

    /** Closing Playwright closes the browsers it launched. */
    @Override
    public void close() {
        playwright.close();
    }

    /** Playwright told not to fetch a browser. */
    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Debian's chromium, or a failure that says how to install it: the browser tests never skip. */
    public static Browser launch(Playwright playwright) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("the browser tests need Debian's chromium at " + CHROMIUM
                    + ": install it with `apt-get install -y chromium` (.ci/run does)");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }
}
