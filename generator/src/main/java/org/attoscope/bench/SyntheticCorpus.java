package org.attoscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A corpus of TinyStories-like texts for the benchmark, made from a seed: the same seed gives the same stories on
 * every machine, so a number in the README can be reproduced. Lengths vary from about 60 to 260 tokens, so part of
 * the corpus runs past the 128-token context and exercises the sliding window.
 */
public final class SyntheticCorpus {
    private static final String[] NAMES = {"Lily", "Tom", "Ben", "Mia", "Sam", "Anna", "Max", "Sue", "Tim", "Lucy", "Jack", "Emma"};
    private static final String[] ANIMALS = {"dog", "cat", "bird", "bunny", "frog", "duck", "bear", "fish"};
    private static final String[] THINGS = {"ball", "kite", "toy car", "red hat", "big box", "little boat", "blue cup", "doll"};
    private static final String[] PLACES = {"park", "garden", "forest", "beach", "house", "school", "pond", "yard"};
    private static final String[] FEELINGS = {"happy", "sad", "scared", "excited", "angry", "tired", "proud", "surprised"};
    private static final String[] OPENINGS = {
        "Once upon a time, there was a little %s named %s.",
        "One day, %2$s went to the %3$s with a %1$s.",
        "%2$s had a %1$s. They were best friends.",
    };
    private static final String[] MIDDLES = {
        "%s wanted to play with the %s in the %s.",
        "The %2$s was very %4$s, so %1$s gave it a hug.",
        "\"Can I have the %2$s?\" asked %1$s. \"Yes, you can,\" said mom.",
        "%s saw a %s near the %s and ran to it.",
        "It started to rain. %s felt %s and went home.",
        "%s and the %s looked for the %s all day.",
        "\"Look!\" said %s. \"The %s is in the %s!\"",
        "%s shared the %s with a friend. They were %s.",
    };
    private static final String[] ENDINGS = {
        "From that day on, %1$s and the %2$s were good friends.",
        "%1$s learned that sharing is good. The end.",
        "They went home and had a big dinner. %1$s was %3$s.",
    };

    private SyntheticCorpus() {
    }

    public static List<String> generate(int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> stories = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = pick(rnd, NAMES);
            String animal = pick(rnd, ANIMALS);
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(pick(rnd, OPENINGS), animal, name, pick(rnd, PLACES)));
            int middles = 3 + rnd.nextInt(14);
            for (int m = 0; m < middles; m++) {
                sb.append(' ').append(String.format(pick(rnd, MIDDLES), name, pick(rnd, THINGS), pick(rnd, PLACES), pick(rnd, FEELINGS)));
            }
            sb.append(' ').append(String.format(pick(rnd, ENDINGS), name, animal, pick(rnd, FEELINGS)));
            stories.add(sb.toString());
        }
        return stories;
    }

    private static String pick(SplittableRandom rnd, String[] options) {
        return options[rnd.nextInt(options.length)];
    }
}
