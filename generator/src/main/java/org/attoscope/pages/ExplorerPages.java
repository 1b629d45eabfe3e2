package org.attoscope.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.attoscope.content.Story;
import org.attoscope.model.Encoding;
import org.attoscope.model.ModelConfig;
import org.attoscope.model.Tokenizer;
import org.attoscope.trace.PredictionPoint;
import org.attoscope.trace.PromptTrace;

/** Turns a traced story into its explorer page: the strip, the opening point rendered, the embedded data. */
final class ExplorerPages {
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");
    private static final String MARKS = ".,!?";

    private ExplorerPages() {
    }

    static ExplorerPage of(Story story, Encoding encoding, PromptTrace trace, ModelConfig config,
                           List<RenderedFigure> figures, StoryEntry previous, StoryEntry following, int storyTokens) {
        List<Encoding.Token> tokens = encoding.tokens();
        if (tokens.size() != trace.tokens().size()) {
            throw new IllegalStateException("the trace of " + story.slug() + " does not match its encoding");
        }
        List<String> display = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            display.add(isUnknown(tokens.get(i), trace.tokens().get(i)) ? tokens.get(i).source() : trace.tokens().get(i));
        }
        // the panel, the why view and the embedded points all show the same rounded numbers
        PromptTrace shown = DisplayedNumbers.of(trace);
        PredictionPoint first = shown.points().get(OpeningPoint.of(trace));

        String text = story.text();
        List<TokenCell> cells = new ArrayList<>();
        int gapStart = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Encoding.Token t = tokens.get(i);
            String word = trace.tokens().get(i);
            boolean unknown = isUnknown(t, word);
            String gap = i == 0 ? "" : text.substring(Math.min(gapStart, t.start()), t.start());
            if (unknown) {
                gap = stripTrailingLetters(gap);
            }
            String kind = i == 0 ? "special" : unknown ? "unknown" : MARKS.contains(word) && word.length() == 1 ? "mark" : "word";
            cells.add(new TokenCell(i, word, unknown ? t.source() : null, kind, gap.replaceAll("\\s+", ""),
                    BLANK_LINE.matcher(gap).find(), state(i, first)));
            if (i > 0) {
                gapStart = unknown ? endOfWord(text, t.end()) : t.end();
            }
        }
        String after = text.substring(Math.min(gapStart, text.length())).replaceAll("\\s+", "");
        PointView point = PointView.of(first, display, ExplorerPage.SHOWN_PREDICTIONS);
        return new ExplorerPage(story, tokens.size(), config.blockSize(), config.heads(), cells, after, point,
                PointsJson.embed(shown), figures, previous, following, storyTokens, WhyView.of(first, display));
    }

    /** The explorer script computes the same classes (explorer.js, stateOf). */
    static String state(int position, PredictionPoint p) {
        if (position == p.focus()) {
            return "is-focus";
        }
        if (position > p.focus()) {
            return "is-future";
        }
        return position < p.contextStart() ? "is-outside" : "";
    }

    private static boolean isUnknown(Encoding.Token t, String word) {
        return Tokenizer.UNK.equals(word) && !t.source().isEmpty();
    }

    /** The tokenizer shows an unknown word whole ("Café"); its letters must not show again as skipped text. */
    private static int endOfWord(String text, int end) {
        int e = end;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return e;
    }

    private static String stripTrailingLetters(String gap) {
        int e = gap.length();
        while (e > 0 && Character.isLetter(gap.charAt(e - 1))) {
            e--;
        }
        return gap.substring(0, e);
    }
}
