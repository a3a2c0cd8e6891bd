package dev.segue.recsys.data.synth;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** Unique Music4All-style ids (16 alphanumeric characters) and pronounceable names, from one generator. */
final class IdMaker {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final SplittableRandom rnd;
    private final Set<String> used = new HashSet<>();

    IdMaker(SplittableRandom rnd) { this.rnd = rnd; }

    String trackId() { return unique(16); }

    String userId() { return "user_" + unique(8); }

    private String unique(int length) {
        while (true) {
            char[] c = new char[length];
            for (int i = 0; i < length; i++) c[i] = ALPHABET.charAt(rnd.nextInt(ALPHABET.length()));
            String s = new String(c);
            if (used.add(s)) return s;
        }
    }

    /** Two or three syllables, capitalised, made unique by the index; some names carry a comma. */
    String name(String[] syllables, int index) {
        StringBuilder b = new StringBuilder();
        int n = 2 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) b.append(syllables[rnd.nextInt(syllables.length)]);
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        b.append(' ').append(Integer.toString(index, 36).toUpperCase());
        if (rnd.nextInt(20) == 0) b.append(", The");
        return b.toString();
    }
}
