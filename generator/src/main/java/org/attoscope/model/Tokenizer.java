package org.attoscope.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.attoscope.InputException;

/**
 * attoGPT's word tokenizer: lower-case, words of {@code a-z} and the four marks {@code . , ! ?}, everything else a separator.
 *
 * <p>This is the published browser tokenizer's rule ("every run outside {@code a-z . , ! ?} newline space is one
 * space"), read as a scan: once those runs are spaces, a token is a maximal run of letters or a single mark, so
 * a single pass that treats every other character as a boundary gives the same tokens and lets each token keep
 * the span of the original text it came from.
 */
public final class Tokenizer {
    public static final String PAD = "<pad>";
    public static final String BOS = "<bos>";
    public static final String EOS = "<eos>";
    public static final String UNK = "<unk>";
    private static final Set<String> SPECIAL = Set.of(PAD, BOS, EOS, UNK);
    private static final String MARKS = ".,!?";
    /** Unknown words longer than this get no nearest words: no vocabulary word is near them, and looking costs time. */
    public static final int LONGEST_SUGGESTED = 24;
    /** Distinct unknown words per text that get nearest words; the rest are reported without them. */
    public static final int DISTINCT_SUGGESTED = 50;
    /** Nearest words given per unknown word. */
    private static final int NEAREST = 3;

    private final List<String> itos;
    private final Map<String, Integer> stoi;
    private final int bosId;
    private final int unkId;
    private final int padId;

    public Tokenizer(List<String> itos) {
        this.itos = List.copyOf(itos);
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < this.itos.size(); i++) {
            map.putIfAbsent(this.itos.get(i), i);
        }
        this.stoi = Map.copyOf(map);
        this.bosId = stoi.getOrDefault(BOS, -1);
        this.unkId = stoi.getOrDefault(UNK, -1);
        this.padId = stoi.getOrDefault(PAD, -1);
        if (bosId < 0 || unkId < 0 || padId < 0) {
            throw new IllegalArgumentException("a vocabulary needs <pad>, <bos> and <unk>");
        }
    }

    static Tokenizer fromJson(Path file, JsonNode json) {
        if (!"word".equals(json.path("kind").asText(""))) {
            throw new InputException(file, "tokenizer kind is \"" + json.path("kind").asText("") + "\"; attoscope reads the \"word\" tokenizer.",
                    "use the tokenizer.json exported with the model.");
        }
        JsonNode itos = json.path("itos");
        if (!itos.isArray() || itos.isEmpty()) {
            throw new InputException(file, "there is no \"itos\" word list.", "use the tokenizer.json exported with the model.");
        }
        List<String> words = new ArrayList<>();
        itos.forEach(w -> words.add(w.asText()));
        for (String special : List.of(PAD, BOS, UNK)) {
            if (!words.contains(special)) {
                throw new InputException(file, "the vocabulary has no " + special + " token.", "use the tokenizer.json exported with the model.");
            }
        }
        return new Tokenizer(words);
    }

    public int size() {
        return itos.size();
    }

    public int padId() {
        return padId;
    }

    public int bosId() {
        return bosId;
    }

    public int unkId() {
        return unkId;
    }

    /** The word for an id, {@code <unk>} for ids outside the vocabulary. */
    public String word(int id) {
        return id >= 0 && id < itos.size() ? itos.get(id) : UNK;
    }

    /** Ids the predictions leave out: a reader is never told the model "predicts" padding, a start or an unknown. */
    public boolean isExcludedFromPredictions(int id) {
        return id == padId || id == bosId || id == unkId;
    }

    /** How many words a prediction can be: the vocabulary less those {@link #isExcludedFromPredictions} leaves out. */
    public int predictableWords() {
        return (int) IntStream.range(0, size()).filter(id -> !isExcludedFromPredictions(id)).count();
    }

    /** Tokens of {@code text}, starting with {@code <bos>}. */
    public Encoding encode(String text) {
        List<Encoding.Token> tokens = new ArrayList<>();
        tokens.add(new Encoding.Token(bosId, BOS, 0, 0, ""));
        List<OutOfVocabularyWord> unknown = new ArrayList<>();
        Map<String, List<String>> nearestByWord = new HashMap<>();
        StringBuilder word = new StringBuilder();
        int wordStart = -1;
        int i = 0;
        while (i <= text.length()) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            int next = i + (i < text.length() ? Character.charCount(cp) : 1);
            // Lower-case per code point, as the whole-string rule would: 'İ' becomes "i" plus a combining dot,
            // and the dot is a separator.
            String lower = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
            for (int k = 0; k < lower.length(); k++) {
                char c = lower.charAt(k);
                boolean letter = c >= 'a' && c <= 'z';
                if (letter) {
                    if (wordStart < 0) {
                        wordStart = i;
                    }
                    word.append(c);
                    continue;
                }
                if (wordStart >= 0) {
                    int end = k == 0 ? i : next;
                    addWord(text, word.toString(), wordStart, end, tokens, unknown, nearestByWord);
                    word.setLength(0);
                    wordStart = -1;
                }
                if (i < text.length() && MARKS.indexOf(c) >= 0) {
                    tokens.add(new Encoding.Token(stoi.getOrDefault(String.valueOf(c), unkId), String.valueOf(c), i, next, String.valueOf(c)));
                }
            }
            i = next;
        }
        return new Encoding(tokens, unknown);
    }

    private void addWord(String text, String word, int start, int end, List<Encoding.Token> tokens, List<OutOfVocabularyWord> unknown,
                         Map<String, List<String>> nearestByWord) {
        Integer id = stoi.get(word);
        String source = text.substring(start, end);
        if (id == null || SPECIAL.contains(word)) {
            // Show the reader the whole written word ("Café", not "Caf"): widen over adjacent letters.
            int s = start;
            while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
                s--;
            }
            int e = end;
            while (e < text.length() && Character.isLetter(text.charAt(e))) {
                e++;
            }
            source = text.substring(s, e);
            List<String> near = nearestByWord.get(word);
            if (near == null) {
                boolean lookUp = word.length() <= LONGEST_SUGGESTED && nearestByWord.size() < DISTINCT_SUGGESTED;
                near = lookUp ? nearest(word, NEAREST) : List.of();
                nearestByWord.put(word, near);
            }
            unknown.add(new OutOfVocabularyWord(tokens.size(), word, source, near));
            tokens.add(new Encoding.Token(unkId, word, start, end, source));
        } else {
            tokens.add(new Encoding.Token(id, word, start, end, source));
        }
    }

    /** The {@code count} vocabulary words closest to {@code word}: fewest edits first, then the more frequent (lower id). */
    public List<String> nearest(String word, int count) {
        record Candidate(int id, int distance) {
        }
        // Keep the best `count` so far; a word can only enter by beating the worst of them, so each comparison is
        // bounded by that distance (banded, early exit) instead of costing the full product of the lengths.
        List<Candidate> best = new ArrayList<>();
        Comparator<Candidate> order = Comparator.comparingInt(Candidate::distance).thenComparingInt(Candidate::id);
        for (int id = 0; id < itos.size(); id++) {
            String w = itos.get(id);
            if (SPECIAL.contains(w) || MARKS.contains(w)) {
                continue;
            }
            int limit = best.size() < count ? Math.max(word.length(), w.length()) : best.get(best.size() - 1).distance() - 1;
            if (limit < 0) {
                continue;
            }
            int d = EditDistance.atMost(word, w, limit);
            if (d <= limit) {
                best.add(new Candidate(id, d));
                best.sort(order);
                if (best.size() > count) {
                    best.remove(best.size() - 1);
                }
            }
        }
        return best.stream().map(c -> itos.get(c.id())).toList();
    }

    /** Text for ids, the way the published model prints it: marks attach to the word before, special tokens are left out. */
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder();
        for (int id : ids) {
            String w = word(id);
            if (SPECIAL.contains(w)) {
                continue;
            }
            if (MARKS.contains(w) && w.length() == 1) {
                int end = out.length();
                while (end > 0 && out.charAt(end - 1) == ' ') {
                    end--;
                }
                out.setLength(end);
                out.append(w).append(' ');
            } else {
                out.append(w).append(' ');
            }
        }
        return out.toString().strip();
    }
}
