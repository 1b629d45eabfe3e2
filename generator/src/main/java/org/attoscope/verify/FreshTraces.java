package org.attoscope.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attoscope.content.Story;
import org.attoscope.content.StoryLibrary;
import org.attoscope.pages.StoryExcerpt;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.Encoding;
import org.attoscope.pages.PointsJson;
import org.attoscope.pages.SiteBuild;
import org.attoscope.trace.PromptTrace;
import org.attoscope.trace.Tracer;
import org.attoscope.util.Sha256;

/**
 * Every story of the content folder run through the engine again, now, exactly as the build runs it (same
 * top-n, same serialisation): what explorer pages and engine figures are compared with. Traced once, on first
 * use, in parallel.
 */
final class FreshTraces {

    /** One story's fresh run: the trace, its JSON exactly as the build embeds it, and that JSON's sha256. */
    record Fresh(Story story, PromptTrace trace, String json, String sha256) {
    }

    private final Path content;
    private final AttoGpt engine;
    private final int threads;
    private Map<String, Fresh> bySlug;

    FreshTraces(Path content, AttoGpt engine, int threads) {
        this.content = content;
        this.engine = engine;
        this.threads = threads;
    }

    /** The story {@code slug}'s fresh run, or null when the content has no such story. */
    Fresh get(String slug) {
        return all().get(slug);
    }

    synchronized Map<String, Fresh> all() {
        if (bySlug == null) {
            // what each explorer covers: the whole story, or its first StoryExcerpt.MAX_TOKENS tokens
            List<Story> stories = new ArrayList<>();
            List<Tracer.EncodedPrompt> prompts = new ArrayList<>();
            for (Story s : StoryLibrary.load(content)) {
                Encoding whole = engine.tokenizer().encode(s.text());
                Story explored = StoryExcerpt.of(s, whole);
                stories.add(explored);
                prompts.add(new Tracer.EncodedPrompt(s.slug(), explored.text(), StoryExcerpt.tokens(whole)));
            }
            List<PromptTrace> traces;
            try (Tracer tracer = new Tracer(engine, SiteBuild.TOP_N, threads, true)) {
                traces = tracer.traceEncoded(prompts);
            }
            Map<String, Fresh> map = new LinkedHashMap<>();
            for (int i = 0; i < stories.size(); i++) {
                String json = PointsJson.embed(traces.get(i));
                map.put(stories.get(i).slug(), new Fresh(stories.get(i), traces.get(i), json,
                        Sha256.hex(json.getBytes(StandardCharsets.UTF_8))));
            }
            bySlug = Collections.unmodifiableMap(map);
        }
        return bySlug;
    }
}
