package org.attoscope.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attoscope.model.Encoding;
import org.attoscope.model.Tokenizer;

/**
 * {@code tokens text="..."} or {@code tokens capture=NAME [step=S]}: the tokens the model reads, each with its
 * vocabulary id. With {@code text=} the loaded model's tokenizer reads the text at build time (an unknown word shows
 * what was written above its {@code <unk>}); with {@code capture=} the ids are the run manifest's, the prompt plus
 * the first S generated tokens, which is what the tensors of step S were computed from.
 */
final class TokensDirective implements FigureDirective {

    @Override
    public String name() {
        return "tokens";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("text", "capture", "step", "caption");
    }

    @Override
    public LessonFigure render(Directive d, LessonSources sources) {
        Tokenizer tokenizer = sources.bundle().tokenizer();
        boolean text = d.attributes().containsKey("text");
        if (text == d.attributes().containsKey("capture")) {
            throw d.problem("tokens needs either text= or capture=, not " + (text ? "both" : "neither") + ".",
                    "write tokens text=\"Once upon a time\" or tokens capture=NAME step=0.");
        }
        List<TokenStrip.Item> items = new ArrayList<>();
        Map<String, String> data = new LinkedHashMap<>();
        String source;
        if (text) {
            if (d.attributes().containsKey("step")) {
                throw d.problem("step= belongs to capture=, not text=.", "remove step=.");
            }
            Encoding encoding = tokenizer.encode(d.required("text"));
            for (Encoding.Token t : encoding.tokens()) {
                String word = tokenizer.word(t.id());
                boolean unknown = t.id() == tokenizer.unkId();
                items.add(new TokenStrip.Item(word, t.id(), unknown ? t.source() : null));
            }
            data.put("data-text", d.required("text"));
            source = "The loaded model's tokenizer reading “" + d.required("text") + "” at build time: "
                    + items.size() + " tokens, ids exact.";
        } else {
            var capture = CapturedInput.capture(d, sources, d.required("capture"));
            var manifest = capture.manifest();
            if (manifest.promptIds().isEmpty()) {
                throw d.problem("capture " + capture.name() + " records no prompt_ids.",
                        "use tokens text=\"...\", or a capture whose manifest lists its prompt_ids.");
            }
            if (!sources.bundle().sha256().equals(manifest.modelSha256())) {
                throw d.problem("capture " + capture.name() + " was not made with the loaded model, so its ids are not "
                        + "this vocabulary's words.", "show its tokens by position with heatmap, or use tokens text=.");
            }
            int step = d.integer("step", d.optional("step", "0"), 0, manifest.outputIds().size(),
                    "capture " + capture.name() + " has steps 0 to " + manifest.outputIds().size());
            for (int id : manifest.idsAtStep(step)) {
                items.add(new TokenStrip.Item(tokenizer.word(id), id, null));
            }
            data.put("data-capture", capture.name());
            data.put("data-step", Integer.toString(step));
            source = "Capture " + capture.name() + ", the ids the model read at step " + step + " (its prompt"
                    + (step > 0 ? " and the first " + step + " generated" : "") + "): " + items.size()
                    + " tokens, ids exact.";
        }
        var svg = Figures.draw(d, () -> TokenStrip.render(sources.fragments(), items, text ? "text" : d.required("capture")));
        return new LessonFigure(d, svg, source, data);
    }
}
