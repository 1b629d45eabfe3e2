package org.attoscope.lessons;

import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.attoscope.figures.SvgFigure;
import org.attoscope.util.FileHashes;
import org.attoscope.util.Sha256;

/**
 * What each lesson's last render drew, kept for its next render by {@code attoscope serve}, so that saving a
 * lesson whose prose alone changed runs flexmark and the templates again but draws no figure or formula.
 *
 * <p>A figure is kept with the inputs it was drawn from (the directive's attributes, the bytes of the captures and
 * the stories it names, the model, the templates: {@link LessonInputs#ofFigure}) and reused only while they are
 * all equal; the markup the templates write around it (its {@code <figure>} element) and a formula's, by everything
 * they show and the templates. Both are pure functions of those inputs, so what is kept is byte for byte what
 * drawing it again would give. Each lesson keeps only what its last
 * successful render used; a failed render keeps the one before.
 *
 * <p>A session owns one cache and hands it to every reading of the book ({@link LessonSection}); lessons render on
 * several threads at once, each lesson on one.
 */
public final class LessonCache {
    private final boolean keeps;
    private final ConcurrentMap<String, Drawn> drawn = new ConcurrentHashMap<>();
    private final ConcurrentMap<ReadKey, Read> read = new ConcurrentHashMap<>();
    private final AtomicInteger figuresDrawn = new AtomicInteger();
    private final FileHashes files = new FileHashes();

    private LessonCache(boolean keeps) {
        this.keeps = keeps;
    }

    /** Keeps figures, formulas and what the plan reads of each lesson between the updates of one session. */
    public static LessonCache warm() {
        return new LessonCache(true);
    }

    /** Keeps nothing: {@code attoscope build} renders every lesson once, from scratch. */
    public static LessonCache none() {
        return new LessonCache(false);
    }

    /** How many figures the renders through this cache have drawn rather than reused. */
    public int figuresDrawn() {
        return figuresDrawn.get();
    }

    /** The sha256 of {@code bytes} just read from {@code file}; kept, while the bytes stay the same, by a warm cache. */
    String sha256(Path file, byte[] bytes) {
        return keeps ? files.sha256(file, bytes) : Sha256.hex(bytes);
    }

    /** The directive's attributes in the order written: what a figure is asked for. */
    private record FigureKey(String name, List<Map.Entry<String, String>> attributes) {
        static FigureKey of(Directive d) {
            return new FigureKey(d.name(), d.attributes().entrySet().stream()
                    .map(e -> (Map.Entry<String, String>) new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue())).toList());
        }
    }

    /** A drawn figure without the directive's place in the file, which only its {@code <figure>} element shows. */
    private record DrawnFigure(List<Object> inputs, SvgFigure svg, String source, Map<String, String> data) {
    }

    /** What a fragment is written from: its variables' record, and the templates' fingerprint. */
    private record MarkupKey(Object view, String templates) {
    }

    /** One lesson's figures and formulas as its last render drew them. */
    private record Drawn(Map<FigureKey, DrawnFigure> figures, Map<MarkupKey, String> markup) {
        static final Drawn NOTHING = new Drawn(Map.of(), Map.of());
    }

    private record ReadKey(String lesson, String what) {
    }

    /** What the plan reads of a lesson without rendering it, with the lesson it was read from. */
    private record Read(Lesson lesson, Object value) {
    }

    /**
     * What the site plan computes from a lesson's source alone ({@code what} names it: its figure directives, its
     * search entry), computed again only when the lesson differs from the one it was computed from.
     */
    @SuppressWarnings("unchecked")
    <T> T readOf(Lesson lesson, String what, Function<Lesson, T> reading) {
        if (!keeps) {
            return reading.apply(lesson);
        }
        ReadKey key = new ReadKey(lesson.name(), what);
        Read known = read.get(key);
        if (known != null && known.lesson().equals(lesson)) {
            return (T) known.value();
        }
        T value = reading.apply(lesson);
        read.put(key, new Read(lesson, value));
        return value;
    }

    /**
     * One render of {@code lesson}: figures and formulas its last render drew are reused when their inputs are
     * equal; {@link Drawing#keep()} makes this render's the ones its next render may reuse.
     *
     * @param figureInputs what a directive's figure is drawn from, compared by {@code equals}
     * @param templates    the templates' fingerprint, which all markup depends on
     */
    Drawing drawing(Lesson lesson, Function<Directive, List<Object>> figureInputs, String templates) {
        return new Drawing(lesson.name(), keeps ? drawn.getOrDefault(lesson.name(), Drawn.NOTHING) : Drawn.NOTHING,
                figureInputs, templates);
    }

    /** A render that draws everything and keeps nothing. */
    static Drawing afresh(Lesson lesson) {
        return none().drawing(lesson, d -> List.of(), "");
    }

    /** One render's figures and formulas; used by the one thread rendering the lesson. */
    final class Drawing {
        private final String lesson;
        private final Drawn before;
        private final Function<Directive, List<Object>> figureInputs;
        private final String templates;
        private final Map<FigureKey, DrawnFigure> figures = new HashMap<>();
        private final Map<MarkupKey, String> markup = new HashMap<>();

        private Drawing(String lesson, Drawn before, Function<Directive, List<Object>> figureInputs, String templates) {
            this.lesson = lesson;
            this.before = before;
            this.figureInputs = figureInputs;
            this.templates = templates;
        }

        /** The figure {@code d} asks for: the last render's when drawn from equal inputs, else {@code draw}'s. */
        LessonFigure figure(Directive d, Supplier<LessonFigure> draw) {
            if (!keeps) {
                figuresDrawn.incrementAndGet();
                return draw.get();
            }
            FigureKey key = FigureKey.of(d);
            List<Object> inputs = figureInputs.apply(d);
            DrawnFigure known = figures.get(key);
            if (known == null) {
                known = before.figures().get(key);
            }
            if (known == null || !known.inputs().equals(inputs)) {
                LessonFigure drawnNow = draw.get();
                figuresDrawn.incrementAndGet();
                known = new DrawnFigure(inputs, drawnNow.svg(), drawnNow.source(), drawnNow.data());
            }
            figures.put(key, known);
            return new LessonFigure(d, known.svg(), known.source(), known.data());
        }

        /**
         * The markup the templates write for {@code view} (a figure's {@code <figure>} element, a formula): the last
         * render's for an equal view under the same templates, else {@code write}'s.
         */
        String markup(Object view, Supplier<String> write) {
            if (!keeps) {
                return write.get();
            }
            MarkupKey key = new MarkupKey(view, templates);
            String markup = this.markup.get(key);
            if (markup == null) {
                markup = before.markup().get(key);
            }
            if (markup == null) {
                markup = write.get();
            }
            this.markup.put(key, markup);
            return markup;
        }

        /** This render succeeded: its figures and formulas are what the lesson's next render may reuse. */
        void keep() {
            if (keeps) {
                drawn.put(lesson, new Drawn(Map.copyOf(figures), Map.copyOf(markup)));
            }
        }
    }
}
