package org.attoscope.lessons;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayDeque;
import java.util.Deque;
import org.attoscope.InputException;

/**
 * How deeply a lesson's Markdown may nest (quotes in quotes, lists in lists, emphasis in links...).
 *
 * <p>flexmark's parser, visitors and renderer recurse once per level, so a lesson nested a thousand levels deep
 * overflowed the stack and the build died with a Java stack trace. No lesson needs more than a handful of levels;
 * this refuses anything past {@link #LEVELS} at the line where it goes too deep, the same on every thread and JVM,
 * and turns an overflow inside the parser itself (tens of thousands of levels) into the same kind of error.
 */
final class NestingLimit {
    /** Deepest node allowed, counted from the document (a paragraph in a quote is at level 2). */
    static final int LEVELS = 64;

    private NestingLimit() {
    }

    static Document parse(Parser parser, Lesson lesson) {
        Document document;
        try {
            document = parser.parse(lesson.body());
        } catch (StackOverflowError e) {
            throw new InputException(lesson.file(), problem("far more than " + LEVELS), FIX);
        }
        Node tooDeep = firstBeyondLimit(document);
        if (tooDeep != null) {
            throw new InputException(lesson.file(), lesson.bodyLine() + tooDeep.getLineNumber(),
                    problem("more than " + LEVELS), FIX);
        }
        return document;
    }

    private static final String FIX = "write it flatter: no lesson needs more than a few quotes, lists or emphasis "
            + "inside each other.";

    private static String problem(String levels) {
        return "the Markdown is nested " + levels + " levels deep (quotes, lists or emphasis inside each other); "
                + "attoscope reads at most " + LEVELS + ".";
    }

    /** The first node, in document order, deeper than the limit; walked with a queue of its own, not recursion. */
    private static Node firstBeyondLimit(Document document) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> levels = new ArrayDeque<>();
        nodes.push(document);
        levels.push(0);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int level = levels.pop();
            if (level > LEVELS) {
                return node;
            }
            // pushed last child first, so the first child comes off next: document order
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                nodes.push(child);
                levels.push(level + 1);
            }
        }
        return null;
    }
}
