package org.attoscope.lessons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.attoscope.capture.CaptureLibrary;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.Addresses;
import org.attoscope.pages.Citation;
import org.attoscope.pages.Fragments;
import org.attoscope.pages.NavLink;
import org.attoscope.pages.Neighbours;
import org.attoscope.pages.SearchEntry;
import org.attoscope.pages.SectionPage;
import org.attoscope.pages.SiteSection;
import org.attoscope.pages.StoryTraces;
import org.attoscope.pages.Verbatim;

/**
 * The book of lessons as a part of the site: a contents page at {@code lessons/index.html} (template
 * {@code lessons}) and one page per lesson at {@code lessons/NN-SLUG/index.html} (template {@code lesson}), with
 * previous and next links in book order; nothing at all when the content folder has no lessons. Figures are drawn from {@code content/captures}, the loaded model and the
 * site's traced stories.
 */
public final class LessonSection implements SiteSection {
    /** The content folder's lessons folder. */
    public static final String FOLDER = "lessons";

    /** A fenced block: a figure directive or code, whose words are options and names rather than prose. */
    private static final Pattern FENCED = Pattern.compile("(?m)^\\s*```[^\\n]*\\n[\\s\\S]*?^\\s*```[^\\n]*$");

    /** A Markdown link's target, which names a file, not what the lesson is about. */
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");

    /** The attribute by which a figure names the story it draws ({@link StoryPoint}). */
    private static final String STORY = "story";

    private final Book book;
    private final CaptureLibrary captures;
    private final ModelBundle bundle;
    private final LessonCache cache;
    private final LessonMarkdown markdown = new LessonMarkdown();

    /** Reads the book now, so a lesson's front matter fails the build before any model run. */
    public LessonSection(Path contentDir, ModelBundle bundle) {
        this(contentDir, bundle, LessonCache.none());
    }

    /** @param cache what earlier readings of this content folder drew, for {@code attoscope serve} */
    public LessonSection(Path contentDir, ModelBundle bundle, LessonCache cache) {
        this(Book.load(contentDir), new CaptureLibrary(contentDir.resolve("captures")), bundle, cache);
    }

    public LessonSection(Book book, CaptureLibrary captures, ModelBundle bundle) {
        this(book, captures, bundle, LessonCache.none());
    }

    public LessonSection(Book book, CaptureLibrary captures, ModelBundle bundle, LessonCache cache) {
        this.book = book;
        this.captures = captures;
        this.bundle = bundle;
        this.cache = cache;
    }

    /** No link when there are no lessons: a content folder without a book gets a site without a Lessons page. */
    @Override
    public Optional<NavLink> nav() {
        return book.lessons().isEmpty() ? Optional.empty()
                : Optional.of(new NavLink(Addresses.LESSONS_FOLDER, "Lessons", Addresses.LESSONS, "Read the lessons"));
    }

    /** Each lesson, found by its title, summary, headings and prose; figure directives and link targets are left out. */
    @Override
    public List<SearchEntry> searchEntries() {
        return book.lessons().stream().map(lesson -> cache.readOf(lesson, "search", l -> SearchEntry.of("Lesson", l.title(), l.summary(),
                LINK_TARGET.matcher(FENCED.matcher(l.body()).replaceAll(" ")).replaceAll("]"), l.href()))).toList();
    }

    /**
     * Each lesson that draws figures from a story ({@code story=SLUG}: explorer, attribution, ablations), once per
     * story, in book order, pointing at its first figure of that story, with the points its figures draw.
     */
    @Override
    public List<Citation> citations() {
        List<Citation> out = new ArrayList<>();
        for (Lesson lesson : book.lessons()) {
            if (!lesson.body().contains(STORY + "=")) {
                continue; // an attribute is spelt key=value, so a lesson without the text names no story: no parse
            }
            Map<String, Integer> firstFigure = new LinkedHashMap<>();
            Map<String, SortedSet<Integer>> points = new LinkedHashMap<>();
            List<Directive> figures = cache.readOf(lesson, "figures", markdown::figureDirectives);
            for (int i = 0; i < figures.size(); i++) {
                String story = figures.get(i).attributes().get(STORY);
                if (story != null) {
                    firstFigure.putIfAbsent(story, i + 1);
                    SortedSet<Integer> at = points.computeIfAbsent(story, k -> new TreeSet<>());
                    point(figures.get(i)).ifPresent(at::add);
                }
            }
            firstFigure.forEach((story, figure) -> out.add(new Citation(story, "Lesson " + LessonEntry.of(lesson).numberText(),
                    lesson.title(), lesson.href() + "#" + Addresses.figureId(figure), List.copyOf(points.get(story)))));
        }
        return out;
    }

    /** A directive's {@code point=}, when it is a number; the render reports any other value at its line. */
    private static Optional<Integer> point(Directive d) {
        try {
            return Optional.of(Integer.parseInt(d.attributes().getOrDefault("point", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The contents page, then each lesson; a lesson's Markdown is rendered only when its page is. */
    @Override
    public List<SectionPage> pages(StoryTraces stories, Fragments fragments) {
        if (book.lessons().isEmpty()) {
            return List.of();
        }
        LessonSources sources = new LessonSources(captures, bundle, stories, fragments);
        List<LessonEntry> entries = book.lessons().stream().map(LessonEntry::of).toList();
        LessonInputs inputs = new LessonInputs(entries, captures, stories, bundle, fragments.fingerprint(), cache);
        List<SectionPage> pages = new ArrayList<>();
        pages.add(new SectionPage(Addresses.LESSONS, "lessons", Map.of("lessons", entries)));
        for (int i = 0; i < entries.size(); i++) {
            Lesson lesson = book.lessons().get(i);
            Neighbours<LessonEntry> around = Neighbours.of(entries, i);
            int position = i + 1;
            pages.add(new SectionPage(lesson.href(), "lesson", inputs.of(lesson), () -> {
                LessonCache.Drawing drawing = cache.drawing(lesson, inputs::ofFigure, fragments.fingerprint());
                RenderedLesson r = markdown.render(lesson, book, sources, drawing);
                drawing.keep();
                Verbatim verbatim = new Verbatim(); // the body, figures and all, goes in after the template has run
                return Map.of("lesson", new LessonPage(entries.get(position - 1), r.html(), r.toc(), around.previous(),
                        around.next(), position, entries.size(), verbatim.hold(r.html())), Verbatim.VARIABLE, verbatim);
            }));
        }
        return pages;
    }

    /** Every lesson rendered, in book order; the first problem fails with its file and line. */
    public List<RenderedLesson> render(StoryTraces stories, Fragments fragments) {
        LessonSources sources = new LessonSources(captures, bundle, stories, fragments);
        return book.lessons().stream().map(l -> markdown.render(l, book, sources)).toList();
    }
}
