package org.attoscope.lessons;

import org.attoscope.content.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The directives a lesson can use, by name, and the rule that tells a figure fence from a code block. */
final class FigureDirectives {
    /** The fence of a display formula: {@code ```math}. */
    static final String MATH = "math";

    private final Map<String, FigureDirective> byName = new LinkedHashMap<>();

    FigureDirectives() {
        for (FigureDirective d : List.of(new TokensDirective(), new HeatmapDirective(), new LogitsDirective(), new CellsDirective(),
                new ExplorerDirective(), new ArchitectureDirective(), WhyDirective.attribution(), WhyDirective.ablations())) {
            byName.put(d.name(), d);
        }
    }

    /**
     * Whether a fence asks for a figure: its first word is a directive, or it has {@code key=value} attributes
     * (so a misspelt directive is an error, not silently a code block). {@code ```json} stays a code block.
     */
    boolean isDirective(String info) {
        String first = info.strip().split("\\s+", 2)[0];
        return byName.containsKey(first) || info.contains("=");
    }

    /** Parses, checks and draws the figure a fence asks for. */
    LessonFigure render(Directive d, LessonSources sources) {
        FigureDirective kind = byName.get(d.name());
        if (kind == null) {
            throw d.problem("unknown directive \"" + d.name() + "\".", Suggestions.didYouMean(d.name(), byName.keySet())
                    + "figures are " + String.join(", ", byName.keySet()) + "; a code block's info string has no "
                    + "attributes.");
        }
        d.allowOnly(kind.attributes());
        return kind.render(d, sources);
    }

    Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }
}
