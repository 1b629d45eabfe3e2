package org.attoscope.verify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A page as the HTML checker needs to read it: each JSON data block ({@code <script type="application/json" ...>})
 * whose text is inert is cut down to one character and its line breaks.
 *
 * <p>An explorer's points are most of a megabyte of such text, and the checker's tokenizer, a method too large for
 * HotSpot to compile, reads it a character at a time in the interpreter: about half of each explorer page's check.
 * What the HTML parser does with a script element's text depends only on its {@code <} characters (where the
 * element ends, and the escaped states) and on characters that are errors in any text (controls, noncharacters);
 * a text of printable ASCII and line feeds without a {@code <} is read as plain characters up to the
 * {@code </script>} that follows it, whatever they are, and the schema does not look inside a data block. Cutting
 * such a text therefore changes none of the checker's messages ({@code InertDataBlocksTest}), and keeping every
 * line feed, and the last line's width in spaces, keeps every message's line and column. One part of the checker
 * does read a script's text: the content-security policy's, which skips a blank script and otherwise asks whether
 * the policy lists the text's hash; so the cut keeps one character of the text, and is not made on a page that
 * mentions a hash source ({@code 'sha...}) anywhere, where the answer could depend on the text. The text itself is
 * checked elsewhere: {@link PointsCheck} parses the points and re-derives them.
 *
 * <p>The blocks are found by a plain search for their opening tag, which could also match inside a comment, an
 * attribute or another element's text, where cutting would change what the checker reads; so nothing is cut unless
 * the search finds exactly the data blocks an HTML5 parser found in the same page, each with the same text. When
 * they disagree, or a block's text is anything else (a {@code <}, a byte outside printable ASCII), the checker reads
 * the page whole.
 */
final class InertDataBlocks {
    private static final byte[] OPEN = "<script type=\"application/json\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "</script>".getBytes(StandardCharsets.US_ASCII);

    private InertDataBlocks() {
    }

    /**
     * {@code page} with every inert data block's text cut; the same array when there is none.
     *
     * @param parsed the text of each {@code <script type="application/json">} element of the page, in document order,
     *               as an HTML5 parser read it
     */
    static byte[] cut(byte[] page, List<String> parsed) {
        if (mentionsHashSource(page)) {
            return page;
        }
        int[] starts = new int[parsed.size()];
        int[] ends = new int[parsed.size()];
        int found = 0;
        for (int open = find(page, OPEN, 0); open >= 0; open = find(page, OPEN, open + OPEN.length)) {
            int from = indexOf(page, (byte) '>', open + OPEN.length);
            if (found == parsed.size() || from < 0) {
                return page;
            }
            starts[found] = from + 1;
            ends[found] = inertEnd(page, from + 1);
            // past a text that is not inert, where the element ends is the parser's to say: leave the page whole
            if (ends[found] < 0 || !sameText(page, starts[found], ends[found], parsed.get(found))) {
                return page;
            }
            found++;
        }
        if (found != parsed.size() || found == 0) {
            return page;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.length / 4);
        int copied = 0;
        for (int k = 0; k < found; k++) {
            out.write(page, copied, starts[k] - copied);
            writeCut(page, starts[k], ends[k], out);
            copied = ends[k];
        }
        out.write(page, copied, page.length - copied);
        return out.toByteArray();
    }

    /**
     * The text {@code [from, end)} cut: its first character that is not a space or a line feed (the policy check
     * skips a blank script), then its line feeds, then its last line's width in spaces, less one when that character
     * had to stand on the last line.
     */
    private static void writeCut(byte[] page, int from, int end, ByteArrayOutputStream out) {
        int lastLine = from;
        byte first = 0;
        for (int i = from; i < end; i++) {
            if (page[i] == '\n') {
                lastLine = i + 1;
            } else if (first == 0 && page[i] != ' ') {
                first = page[i];
            }
        }
        if (first == 0) {
            out.write(page, from, end - from); // blank: nothing to cut
            return;
        }
        out.write(first);
        int width = end - lastLine;
        if (lastLine == from) {
            width--;
        }
        for (int i = from; i < lastLine; i++) {
            if (page[i] == '\n') {
                out.write('\n');
            }
        }
        for (int i = 0; i < width; i++) {
            out.write(' ');
        }
    }

    /** Where the inert text starting at {@code from} ends (at its {@code </script>}), or -1 if it is not inert. */
    private static int inertEnd(byte[] page, int from) {
        for (int i = from; i < page.length; i++) {
            byte b = page[i];
            if (b == '<') {
                return startsWith(page, i, CLOSE) ? i : -1;
            }
            if (b != '\n' && (b < 0x20 || b > 0x7e)) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether {@code 'sha} occurs in any case: how a policy's hash sources start ({@code 'sha256-...'}, 384, 512). */
    private static boolean mentionsHashSource(byte[] page) {
        for (int i = 0; i + 4 <= page.length; i++) {
            if (page[i] == '\'' && (page[i + 1] | 0x20) == 's' && (page[i + 2] | 0x20) == 'h' && (page[i + 3] | 0x20) == 'a') {
                return true;
            }
        }
        return false;
    }

    /** Whether the ASCII bytes {@code [from, end)} are {@code text}. */
    private static boolean sameText(byte[] page, int from, int end, String text) {
        if (text.length() != end - from) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != page[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static int find(byte[] page, byte[] what, int from) {
        for (int i = from; i + what.length <= page.length; i++) {
            if (startsWith(page, i, what)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] page, int at, byte[] what) {
        if (at + what.length > page.length) {
            return false;
        }
        for (int j = 0; j < what.length; j++) {
            if (page[at + j] != what[j]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] page, byte b, int from) {
        for (int i = from; i < page.length; i++) {
            if (page[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
