package dev.segue.recsys.data;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntLinkedOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The study's RTA split: from the sessions of at least 21 songs, N go to test and N to validation
 * (sampled with a seeded generator), all other sessions train. Each evaluation set forms 10 equal groups;
 * a session of group n (1…10) shows its first n songs and asks for the rest. With fewer than 3N long
 * sessions N is scaled down to a third of them (a multiple of 10), so at least a third of the long
 * sessions stay in training, and a warning says so.
 */
public final class RtaSplit {
    private RtaSplit() {}

    public static final int MIN_LENGTH = 21;
    public static final int GROUPS = 10;

    public record Result(SessionSplit split, List<RtaQuery> validQueries, List<RtaQuery> testQueries, int n, String warning) {}

    public static Result split(Sessions s, ItemVocabulary vocab, int n, long seed) {
        if (n < GROUPS) throw new IllegalArgumentException("RTA needs N >= " + GROUPS + " sessions per evaluation set, got " + n);
        IntArrayList eligible = new IntArrayList();
        for (int i = 0; i < s.count(); i++) if (s.length(i) >= MIN_LENGTH) eligible.add(i);
        String warning = null;
        int wanted = n;
        if (3L * n > eligible.size()) {
            n = (eligible.size() / 3) / GROUPS * GROUPS;
            warning = "only " + eligible.size() + " sessions have >= " + MIN_LENGTH + " songs: RTA evaluation sets scaled from "
                    + wanted + " to " + n + " sessions each";
        }
        int[] pool = eligible.toIntArray();
        SplittableRandom rnd = new SplittableRandom(seed);
        // partial Fisher–Yates: the first 2N positions are a uniform sample without replacement
        for (int i = 0; i < Math.min(2 * n, pool.length); i++) {
            int j = i + rnd.nextInt(pool.length - i);
            int t = pool[i]; pool[i] = pool[j]; pool[j] = t;
        }
        int[] test = java.util.Arrays.copyOfRange(pool, 0, n);
        int[] valid = java.util.Arrays.copyOfRange(pool, n, 2 * n);
        boolean[] held = new boolean[s.count()];
        for (int i : test) held[i] = true;
        for (int i : valid) held[i] = true;
        IntArrayList train = new IntArrayList();
        for (int i = 0; i < s.count(); i++) if (!held[i]) train.add(i);
        return new Result(new SessionSplit(train.toIntArray(), valid, test), queries(s, vocab, valid), queries(s, vocab, test), n, warning);
    }

    /** Group g (1…10) is the g-th tenth of the sampled sessions. */
    static List<RtaQuery> queries(Sessions s, ItemVocabulary vocab, int[] sessions) {
        List<RtaQuery> out = new ArrayList<>(sessions.length);
        int per = sessions.length / GROUPS;
        for (int i = 0; i < sessions.length; i++) {
            int group = Math.min(GROUPS, i / Math.max(1, per) + 1);
            int[] items = vocab.denseItems(s, sessions[i]);
            int[] seeds = java.util.Arrays.copyOf(items, group);
            IntLinkedOpenHashSet seedSet = new IntLinkedOpenHashSet(seeds);
            IntLinkedOpenHashSet truth = new IntLinkedOpenHashSet();
            for (int k = group; k < items.length; k++) if (!seedSet.contains(items[k])) truth.add(items[k]);
            out.add(new RtaQuery(sessions[i], group, seeds, truth.toIntArray()));
        }
        return out;
    }
}
