package org.attoscope.lessons;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gitlab.GitLabExtension;
import com.vladsch.flexmark.ext.gitlab.GitLabInlineMath;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.attoscope.figures.FigureException;
import org.attoscope.figures.MathFigure;
import org.attoscope.figures.MathStyle;

/**
 * A lesson's Markdown to HTML, with flexmark-java.
 *
 * <p>Extensions: tables (GFM pipe tables), footnotes ({@code [^1]}), heading anchors (every heading gets a stable
 * id from its text and a small self-link) and GitLab's math syntax, of which only inline math is switched on:
 * {@code $`p_i = e^{z_i}`$} inline and a {@code ```math} fence for display. That syntax keeps LaTeX inside code
 * spans and fences, so Markdown never reads its {@code _} and {@code *} as emphasis, and repository browsers show
 * it as math too. Raw HTML is refused: a lesson is Markdown and directives, and its links are checked.
 *
 * <p>Rendering is two passes over flexmark's tree. The first walks it, drawing every figure and formula and checking
 * every link, so each problem is reported at its file and line before any HTML exists; the second renders, with a
 * node renderer that writes the prepared SVG in place of the fences and math spans.
 */
final class LessonMarkdown {

    static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(),
                    AnchorLinkExtension.create(), GitLabExtension.create()))
            .set(GitLabExtension.INS_PARSER, false)
            .set(GitLabExtension.DEL_PARSER, false)
            .set(GitLabExtension.BLOCK_QUOTE_PARSER, false)
            .set(GitLabExtension.NESTED_BLOCK_QUOTES, false)
            .set(GitLabExtension.RENDER_BLOCK_MATH, false)
            .set(GitLabExtension.RENDER_BLOCK_MERMAID, false)
            .set(GitLabExtension.RENDER_VIDEO_IMAGES, false)
            .set(GitLabExtension.RENDER_VIDEO_LINK, false)
            .set(HtmlRenderer.GENERATE_HEADER_ID, true)
            .set(HtmlRenderer.RENDER_HEADER_ID, true)
            .set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, false)
            .set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false)
            .set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "heading-anchor")
            .set(AnchorLinkExtension.ANCHORLINKS_TEXT_PREFIX, "<span class=\"sr-only\">Link to this section</span>")
            .set(TablesExtension.CLASS_NAME, "lesson-table")
            .toImmutable();

    private final LessonParser lessons = new LessonParser(Parser.builder(OPTIONS).build());
    private final FigureDirectives directives = new FigureDirectives();

    RenderedLesson render(Lesson lesson, Book book, LessonSources sources) {
        return render(lesson, book, sources, LessonCache.afresh(lesson));
    }

    /** @param drawing the figures and formulas the lesson's last render drew, reused where their inputs are unchanged */
    RenderedLesson render(Lesson lesson, Book book, LessonSources sources, LessonCache.Drawing drawing) {
        Document document = lessons.parse(lesson);
        nestUnderTitle(document);
        LessonLinks links = new LessonLinks(lesson.href(), book, sources.stories().slugs());
        Map<Node, String> prepared = new IdentityHashMap<>();
        List<LessonFigure> figures = new ArrayList<>();
        List<TocEntry> toc = new ArrayList<>();
        new HeaderIdGenerator(OPTIONS).generateIds(document);
        for (Node node : document.getDescendants()) {
            Directive at = new Directive("", Map.of(), lesson.file(), lesson.bodyLine() + node.getLineNumber());
            if (node instanceof FencedCodeBlock fence) {
                String info = fence.getInfo().toString().strip();
                if (info.equals(FigureDirectives.MATH)) {
                    String latex = fence.getContentChars().toString().strip();
                    prepared.put(node, drawing.markup(new Formula(latex, MathStyle.DISPLAY),
                            () -> FigureHtml.mathDisplay(sources.fragments(), math(at, latex, MathStyle.DISPLAY))));
                } else if (directives.isDirective(info)) {
                    Directive d = DirectiveParser.parse(info, at.file(), at.line());
                    if (!fence.getContentChars().isBlank()) {
                        throw d.problem("the " + d.name() + " fence has text inside it.",
                                "put attributes on the fence's line and leave the block empty; write prose outside it.");
                    }
                    LessonFigure figure = drawing.figure(d, () -> directives.render(d, sources));
                    figures.add(figure);
                    FigureHtml.View view = FigureHtml.view(figures.size(), figure, lesson);
                    prepared.put(node, drawing.markup(view, () -> FigureHtml.render(sources.fragments(), view)));
                }
            } else if (node instanceof GitLabInlineMath m) {
                String latex = m.getText().toString().strip();
                prepared.put(node, drawing.markup(new Formula(latex, MathStyle.INLINE),
                        () -> FigureHtml.mathInline(sources.fragments(), math(at, latex, MathStyle.INLINE))));
            } else if (node instanceof Link link) {
                link.setUrl(BasedSequence.of(links.resolve(at, link.getUrl().toString())));
            } else if (node instanceof Reference ref) {
                ref.setUrl(BasedSequence.of(links.resolve(at, ref.getUrl().toString())));
            } else if (node instanceof AutoLink || node instanceof MailLink) {
                links.resolve(at, node.getChars().toString());
            } else if (node instanceof Image || node instanceof ImageRef) {
                throw at.problem("images are not part of lessons: every picture is a figure drawn from data.",
                        "use a directive (" + String.join(", ", directives.names()) + ") instead of ![...](...).");
            } else if ((node instanceof HtmlBlock || node instanceof HtmlInline)) {
                throw at.problem("raw HTML (" + node.getChars().toString().strip().lines().findFirst().orElse("")
                        + ") is not allowed in a lesson.", "write Markdown; figures come from directives.");
            } else if (node instanceof Heading h && h.getLevel() >= 2 && h.getLevel() <= 3) {
                // the words a reader sees, not the Markdown: `little` in a heading is listed as little
                toc.add(new TocEntry(h.getLevel(), h.getAnchorRefId(), new TextCollectingVisitor().collectAndGetText(h)));
            }
        }
        List<String> pieces = new ArrayList<>();
        HtmlRenderer renderer = HtmlRenderer.builder(OPTIONS)
                .nodeRendererFactory(options -> new PreparedNodes(prepared, pieces)).build();
        return new RenderedLesson(lesson, inPlace(html5(renderer.render(document)), pieces), toc, figures);
    }

    /**
     * The figure directives of {@code lesson}, in page order: the n-th is drawn as figure n ({@code #figure-n}).
     * Found with the parser and the rule {@link #render} draws figures by (a fence whose info string is a directive,
     * not {@code math}), without drawing any; a fence whose info string does not parse is left out here and reported,
     * with its line, when the page renders, which fails the build.
     */
    List<Directive> figureDirectives(Lesson lesson) {
        List<Directive> out = new ArrayList<>();
        for (Node node : lessons.parse(lesson).getDescendants()) {
            if (node instanceof FencedCodeBlock fence) {
                String info = fence.getInfo().toString().strip();
                if (!info.equals(FigureDirectives.MATH) && directives.isDirective(info)) {
                    try {
                        out.add(DirectiveParser.parse(info, lesson.file(), fenceLine(lesson, node)));
                    } catch (org.attoscope.InputException e) {
                        // the render stops the build at this fence's line
                    }
                }
            }
        }
        return out;
    }

    /** The lesson file's line of a node, as {@link #render} reports problems at. */
    private static int fenceLine(Lesson lesson, Node node) {
        return lesson.bodyLine() + node.getLineNumber();
    }

    /**
     * The page title is the page's one {@code <h1>}; a body that uses {@code # Heading} too has its headings moved one
     * level down (h1 to h2, h2 to h3...), so its outline nests under the title exactly as the author wrote it.
     */
    private static void nestUnderTitle(Document document) {
        List<Heading> headings = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading h) {
                headings.add(h);
            }
        }
        if (headings.stream().anyMatch(h -> h.getLevel() == 1)) {
            headings.forEach(h -> h.setLevel(Math.min(6, h.getLevel() + 1)));
        }
    }

    /**
     * flexmark writes void elements the XHTML way ({@code <hr />}, hard-coded in its footnotes); the site is HTML, where
     * the slash means nothing and the HTML checker says so. Only HTML's void elements are touched, never the SVG.
     */
    static String html5(String html) {
        return VOID_ELEMENT.matcher(html).replaceAll("<$1$2>");
    }

    private static final Pattern VOID_ELEMENT = Pattern.compile("<(hr|br|img|input|wbr|col)((?:\\s+[^\\s<>/][^<>]*?)?)\\s*/>");

    /** A formula as the page shows it: its markup depends on nothing else (and the templates). */
    private record Formula(String latex, MathStyle style) {
    }

    private static String math(Directive at, String latex, MathStyle style) {
        if (latex.isEmpty()) {
            throw at.problem("an empty formula.", "write LaTeX between $` and `$, or inside the ```math fence.");
        }
        try {
            return MathFigure.render(latex, style).svg();
        } catch (FigureException e) {
            throw at.problem(e.problem(), e.fix());
        }
    }

    /**
     * What stands in flexmark's output for the n-th prepared piece of markup: a tag no lesson can produce, since raw
     * HTML is refused and text, code and attributes are escaped. The pieces (a figure is tens of kilobytes of SVG)
     * are put in place after flexmark has written the rest, which it would otherwise copy char by char.
     */
    private static final String PIECE = "<attoscope-prepared-";

    /**
     * {@code html} with each {@link #PIECE} tag replaced by its piece. The pieces are the templates' figure and
     * formula markup, which holds none of the void elements {@link #html5} rewrites, so it is already HTML5.
     */
    static String inPlace(String html, List<String> pieces) {
        if (pieces.isEmpty()) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + pieces.stream().mapToInt(String::length).sum());
        int at = 0;
        for (int found = html.indexOf(PIECE); found >= 0; found = html.indexOf(PIECE, at)) {
            int close = html.indexOf('>', found);
            out.append(html, at, found).append(pieces.get(Integer.parseInt(html.substring(found + PIECE.length(), close))));
            at = close + 1;
        }
        return out.append(html, at, html.length()).toString();
    }

    /** Writes the SVG prepared in the first pass, as a {@link #PIECE} tag; other fences render as code blocks. */
    private record PreparedNodes(Map<Node, String> prepared, List<String> pieces) implements NodeRenderer {

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::write),
                    new NodeRenderingHandler<>(GitLabInlineMath.class, this::write));
        }

        private void write(Node node, NodeRendererContext context, HtmlWriter html) {
            String svg = prepared.get(node);
            if (svg == null) {
                context.delegateRender();
            } else {
                // the piece's closing newlines stay in flexmark's output: it decides by them how the next block starts
                int end = svg.length();
                while (end > 0 && svg.charAt(end - 1) == '\n') {
                    end--;
                }
                html.raw(PIECE + pieces.size() + ">" + svg.substring(end));
                pieces.add(svg.substring(0, end));
            }
        }
    }
}
