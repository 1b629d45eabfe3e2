package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attoscope.testing.TinyProject;
import org.attoscope.testing.SharedChromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page's Content-Security-Policy, enforced by a real browser (Debian's chromium) from file://: no page reports
 * a violation, the explorer still works under it, and what the policy forbids is really stopped.
 */
class ContentPolicyBrowserTest {
    @TempDir
    static Path dir;
    static TinyProject project;
    @RegisterExtension
    static final SharedChromium chromium = new SharedChromium();

    /** Every violation the page reports, gathered from the first moment (init scripts run outside the page's policy). */
    private static final String LISTEN = "window.__violations = []; document.addEventListener('securitypolicyviolation', "
            + "e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));";

    @BeforeAll
    static void start() {
        project = new TinyProject(dir);
        assertEquals(0, project.build(), project.err.toString());
    }

    private record Opened(Page page, List<String> console) {
        @SuppressWarnings("unchecked")
        List<String> violations() {
            return (List<String>) page.evaluate("() => window.__violations");
        }
    }

    private Opened open(String path) {
        Page page = chromium.browser().newPage();
        List<String> console = new ArrayList<>();
        page.onConsoleMessage((ConsoleMessage m) -> console.add(m.type() + ": " + m.text()));
        page.onPageError(e -> console.add("pageerror: " + e));
        page.addInitScript(LISTEN);
        page.navigate(project.site.resolve(path).toUri().toString());
        page.waitForLoadState();
        return new Opened(page, console);
    }

    @Test
    void noPageReportsAViolationFromFileUrls() {
        for (String path : List.of("index.html", "explore/index.html", "explore/cat/index.html", "lessons/index.html",
                "lessons/02-attention/index.html", "how-it-works/index.html", "verification/index.html", "404.html", "playground/index.html")) {
            Opened o = open(path);
            assertEquals(List.of(), o.violations(), path);
            assertEquals(List.of(), o.console().stream().filter(c -> c.contains("Content Security Policy") || c.startsWith("pageerror")).toList(), path);
            assertEquals("0px", o.page().evaluate("() => getComputedStyle(document.body).marginTop"), path + ": site.css applies (the browser's own is 8px)");
            o.page().close();
        }
    }

    @Test
    void theExplorerWorksUnderThePolicy() {
        Opened o = open("explore/cat/index.html");
        String before = o.page().textContent("[data-field=focus]");
        o.page().click("#strip .tok[data-pos='2']");
        String after = o.page().textContent("[data-field=focus]");
        assertNotEquals(before, after, "clicking a token selects it: the explorer script ran");
        assertTrue(o.page().evaluate("() => location.hash").toString().contains("2"), o.page().evaluate("() => location.hash").toString());
        assertEquals(List.of(), o.violations());
        o.page().close();
    }

    @Test
    void thePlaygroundAloneMayCompileWebAssembly() {
        Opened p = open("playground/index.html");
        p.page().waitForFunction("() => document.getElementById('self-check').hasAttribute('data-products')");
        assertEquals("webassembly", p.page().getAttribute("#self-check", "data-products"), "the playground's kernels compiled under its policy");
        assertEquals(List.of(), p.violations());
        // A string handed to setTimeout is compiled like eval, under the page's policy (Playwright's own evaluate is exempt).
        p.page().evaluate("() => { setTimeout('window.__evaluated = true', 0); }");
        p.page().waitForTimeout(300);
        assertEquals(null, p.page().evaluate("() => window.__evaluated"), "'wasm-unsafe-eval' allows no JavaScript from strings");
        assertTrue(p.violations().stream().anyMatch(x -> x.startsWith("script-src")), p.violations().toString());
        p.page().close();

        Opened o = open("explore/cat/index.html");
        Object compiled = o.page().evaluate("() => { try { new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); return 'compiled'; }"
                + " catch (e) { return e.name; } }");
        assertEquals("CompileError", compiled, "an explorer may not compile WebAssembly");
        List<String> v = o.violations();
        assertTrue(v.stream().anyMatch(x -> x.startsWith("script-src")), v.toString());
        o.page().close();
    }

    @Test
    void whatThePolicyForbidsIsStoppedByTheBrowser() {
        Opened o = open("explore/cat/index.html");
        o.page().evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.appendChild(s);"
                + " const i = document.createElement('img'); i.src = 'https://evil.example/p.png'; document.body.appendChild(i);"
                + " try { fetch('https://evil.example/'); } catch (e) {} }");
        o.page().waitForTimeout(300);
        assertEquals(null, o.page().evaluate("() => window.__ran"), "an injected inline script does not run");
        List<String> v = o.violations();
        assertTrue(v.stream().anyMatch(x -> x.startsWith("script-src")), v.toString());
        assertTrue(v.stream().anyMatch(x -> x.startsWith("img-src") && x.contains("evil.example")), v.toString());
        assertTrue(v.stream().anyMatch(x -> x.startsWith("connect-src") && x.contains("evil.example")), v.toString());
        o.page().close();
    }
}
