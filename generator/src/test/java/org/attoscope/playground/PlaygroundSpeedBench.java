package org.attoscope.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.attoscope.model.Tokenizer;
import org.attoscope.testing.TestModels;
import org.attoscope.trace.Tracer;
import org.attoscope.util.Json;
import org.attoscope.testing.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long the playground takes to tokenise and compute a 128-token text in Chromium, with the build's Java
 * engine on the same text in the same run as the baseline. A benchmark, not a spec: surefire's default includes
 * leave it out; run it with {@code mvn -o -pl generator test -Dtest=PlaygroundSpeedBench}, and add
 * {@code -Dplayground.baseline=FILE} to time another engine.js (say {@code git show OLD:templates/assets/playground/engine.js})
 * interleaved with this one in the same page. It prints the numbers with the machine's load.
 */
class PlaygroundSpeedBench {
    static final int RUNS = 25;
    static final int SCRIPT_RUNS = 5;
    /** An engine.js to time against in the same page, interleaved: {@code -Dplayground.baseline=/path/to/engine.js}. */
    static final String BASELINE = "playground.baseline";

    @TempDir
    Path dir;

    @Test
    void tokeniseAndComputeA128TokenText() throws IOException {
        PlaygroundSite site = new PlaygroundSite(dir);
        String text = text128();
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            Browser browser = chromium.browser();
            Page page = browser.newPage();
            page.navigate(site.page().toUri().toString());
            page.waitForFunction("() => document.getElementById('attoscope-live-points').textContent.length > 0");
            String baseline = System.getProperty(BASELINE);
            if (baseline != null) {
                // Another engine.js (an older commit's) as window.BaselineEngine, timed interleaved with this one.
                String source = Files.readString(Path.of(baseline)).replace("root.AttoscopeEngine = ", "root.BaselineEngine = ");
                page.evaluate("source => { (0, eval)(source); }", source);
            }
            // A fresh model, as a reader's first text meets it: no word's projection computed yet.
            @SuppressWarnings("unchecked")
            List<Number> ms = (List<Number>) page.evaluate("""
                    ([text, runs]) => {
                      const E = window.AttoscopeEngine, W = window.ATTOSCOPE_WEIGHTS;
                      const bytes = E.decodeBase64(W.model_bin_base64);
                      const kernels = E.compileKernels(window.ATTOSCOPE_KERNELS);
                      const B = window.BaselineEngine;
                      const out = [], firstPoint = [], before = [];
                      let t = performance.now();
                      const first = new E.Model(bytes, W, W.itos, kernels);
                      if (first.products.kind !== 'webassembly') { throw new Error('no WebAssembly: ' + first.products.kind); }
                      first.trace('bench', text, 20);
                      out.push(performance.now() - t);
                      for (let i = 0; i < runs; i++) {
                        const m = new E.Model(bytes, W, W.itos, kernels);
                        t = performance.now();
                        const r = m.trace('bench', text, 20);
                        out.push(performance.now() - t);
                        const lazy = new E.Model(bytes, W, W.itos, kernels);
                        t = performance.now();
                        lazy.start('bench', text, 20).point(127);
                        firstPoint.push(performance.now() - t);
                        if (r.object.ids.length !== 128) { throw new Error('not 128 tokens: ' + r.object.ids.length); }
                        if (B) {
                          const b = new B.Model(bytes, W, W.itos, B.compileKernels ? kernels : undefined);
                          t = performance.now();
                          b.trace('bench', text, 20);
                          before.push(performance.now() - t);
                        }
                      }
                      return out.concat(firstPoint).concat(before);
                    }""", List.of(text, RUNS));
            // The same text without WebAssembly (the plain-JavaScript products, the same bits), a few runs in the same minutes.
            @SuppressWarnings("unchecked")
            List<Number> scriptMs = (List<Number>) page.evaluate("""
                    ([text, runs]) => {
                      const E = window.AttoscopeEngine, W = window.ATTOSCOPE_WEIGHTS;
                      const bytes = E.decodeBase64(W.model_bin_base64);
                      const out = [];
                      for (let i = 0; i < runs; i++) {
                        const m = new E.Model(bytes, W, W.itos, null);
                        const t = performance.now();
                        m.trace('bench', text, 20);
                        out.push(performance.now() - t);
                      }
                      return out;
                    }""", List.of(text, SCRIPT_RUNS));
            // What a reader waits for: "Tokenise and run" clicked until the page's output holds every point of the text.
            // Two texts that tokenise alike (one with a trailing space), alternately, so every run computes anew.
            @SuppressWarnings("unchecked")
            List<Number> pageMs = (List<Number>) page.evaluate("""
                    async ([text, runs]) => {
                      const box = document.getElementById('pg-text');
                      const out = document.getElementById('attoscope-live-points');
                      const button = document.getElementById('pg-tokenize');
                      const times = [];
                      for (let i = 0; i < runs + 2; i++) {
                        const t = i % 2 === 0 ? text + ' ' : text;
                        const done = new Promise(resolve => {
                          const seen = new MutationObserver(() => {
                            if (out.textContent.length > 0 && JSON.parse(out.textContent).text === t) { seen.disconnect(); resolve(); }
                          });
                          seen.observe(out, { childList: true, characterData: true, subtree: true });
                        });
                        const start = performance.now();
                        box.value = t;
                        button.click();
                        await done;
                        if (i >= 2) { times.push(performance.now() - start); }
                        await new Promise(r => setTimeout(r, 20));
                      }
                      return times;
                    }""", List.of(text, RUNS));
            double[] clickMs = pageMs.stream().mapToDouble(Number::doubleValue).sorted().toArray();
            double[] shownMs = ms.stream().skip(1 + RUNS).limit(RUNS).mapToDouble(Number::doubleValue).sorted().toArray();
            double[] baselineMs = ms.stream().skip(1 + 2L * RUNS).mapToDouble(Number::doubleValue).sorted().toArray();
            double[] browserMs = ms.stream().skip(1).limit(RUNS).mapToDouble(Number::doubleValue).sorted().toArray();
            double[] withoutWasmMs = scriptMs.stream().mapToDouble(Number::doubleValue).sorted().toArray();

            double[] javaMs = new double[RUNS];
            try (Tracer tracer = new Tracer(TestModels.realEngine(), 20, 1)) {
                for (int i = 0; i < RUNS + 5; i++) {
                    long t = System.nanoTime();
                    tracer.trace(new Tracer.Prompt("bench", text));
                    if (i >= 5) {
                        javaMs[i - 5] = (System.nanoTime() - t) / 1e6;
                    }
                }
            }
            Arrays.sort(javaMs);
            System.out.printf("playground, 128 tokens, tokenise + compute with WebAssembly, fresh model each run (%d runs): first %.1f ms,"
                            + " min %.1f ms, median %.1f ms%n", RUNS, ms.get(0).doubleValue(), browserMs[0], browserMs[RUNS / 2]);
            if (baselineMs.length > 0) {
                System.out.printf("baseline engine %s, interleaved with the runs above: min %.1f ms, median %.1f ms%n", baseline, baselineMs[0],
                        baselineMs[baselineMs.length / 2]);
            }
            System.out.printf("playground without WebAssembly (the same bits in plain JavaScript, %d runs): min %.1f ms, median %.1f ms%n",
                    SCRIPT_RUNS, withoutWasmMs[0], withoutWasmMs[SCRIPT_RUNS / 2]);
            System.out.printf("playground, 128 tokens, tokenise + attention of every point + the shown (last) point whole: min %.1f ms, median %.1f ms%n",
                    shownMs[0], shownMs[RUNS / 2]);
            System.out.printf("playground page, 128 tokens, \"Tokenise and run\" clicked to every point in <output> (warm model, %d runs): min %.1f ms, median %.1f ms%n",
                    RUNS, clickMs[0], clickMs[RUNS / 2]);
            System.out.printf("java engine (baseline, 1 thread, warm): min %.1f ms, median %.1f ms%n", javaMs[0], javaMs[RUNS / 2]);
            System.out.printf("load average: %s%n", java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    /** The beginning of the reference long story, cut at a word to exactly 128 tokens. */
    static String text128() throws IOException {
        JsonNode prompts = Json.mapper().readTree(TestModels.referencePrompts().toFile());
        String story = "";
        for (JsonNode p : prompts) {
            if (p.path("name").asText().equals("long-story")) {
                story = p.path("text").asText();
            }
        }
        Tokenizer tok = TestModels.realBundle().tokenizer();
        String text = story;
        while (tok.encode(text).size() > 128) {
            text = text.substring(0, text.lastIndexOf(' '));
        }
        while (tok.encode(text).size() < 128) {
            text = text + " and";
        }
        assertEquals(128, tok.encode(text).size());
        return text;
    }
}
