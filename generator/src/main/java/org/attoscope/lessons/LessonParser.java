package org.attoscope.lessons;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayDeque;
import java.util.Deque;
import org.attoscope.InputException;
import org.attoscope.util.LargeStack;

/**
 * A lesson's Markdown parsed into flexmark's tree without overflowing the stack, whatever the author wrote.
 *
 * <p>flexmark recurses where an author would not expect it: its parser once per level of quotes or lists, and its
 * inline-math pattern once per character after an opening {@code $`} (on a thread's default stack, an inline formula
 * of 2,000 characters overflowed, and so did one left open in a paragraph of 3,000); its visitors and renderer
 * recurse once per level of the tree.
 * So the parse runs on a thread of its own with a large stack, and a tree deeper than {@link #LEVELS} is refused at
 * the line where it goes too deep, the same on every thread, before anything walks it recursively. Input that
 * overflows even the large stack becomes the same kind of error, naming the file.
 */
final class LessonParser {
    /** Deepest node allowed, counted from the document (a paragraph in a quote is at level 2). */
    static final int LEVELS = 64;
    private static final long PARSE_STACK_BYTES = 256L << 20;

    private final Parser parser;
    private final long stackBytes;

    LessonParser(Parser parser) {
        this(parser, PARSE_STACK_BYTES);
    }

    /** With a parse thread of {@code stackBytes}; tests pass a small one to reach the overflow cheaply. */
    LessonParser(Parser parser, long stackBytes) {
        this.parser = parser;
        this.stackBytes = stackBytes;
    }

    Document parse(Lesson lesson) {
        Document document = parseOnLargeStack(lesson);
        Node tooDeep = firstBeyondLimit(document);
        if (tooDeep != null) {
            throw new InputException(lesson.file(), lesson.bodyLine() + tooDeep.getLineNumber(),
                    "the Markdown is nested more than " + LEVELS + " levels deep (quotes, lists or emphasis inside "
                            + "each other); attoscope reads at most " + LEVELS + ".",
                    "write it flatter: no lesson needs more than a few quotes, lists or emphasis inside each other.");
        }
        return document;
    }

    private Document parseOnLargeStack(Lesson lesson) {
        try {
            return LargeStack.call("attoscope-markdown", stackBytes, () -> parser.parse(lesson.body()));
        } catch (StackOverflowError e) {
            throw new InputException(lesson.file(), "the Markdown is too deep or too long for the Markdown "
                    + "reader: quotes or lists nested thousands of levels deep, or a $` formula left open in a "
                    + "very long paragraph.", "close every $` with `$, and nest at most " + LEVELS + " levels.");
        }
    }

    /** The first node, in document order, deeper than the limit; walked with a stack of its own, not recursion. */
    private static Node firstBeyondLimit(Document document) {
        Deque<AtLevel> toVisit = new ArrayDeque<>();
        toVisit.push(new AtLevel(document, 0));
        while (!toVisit.isEmpty()) {
            AtLevel at = toVisit.pop();
            if (at.level() > LEVELS) {
                return at.node();
            }
            // pushed last child first, so the first child comes off next: document order
            for (Node child = at.node().getLastChild(); child != null; child = child.getPrevious()) {
                toVisit.push(new AtLevel(child, at.level() + 1));
            }
        }
        return null;
    }

    private record AtLevel(Node node, int level) {
    }
}
