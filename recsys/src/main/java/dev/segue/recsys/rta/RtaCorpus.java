package dev.segue.recsys.rta;

import dev.segue.recsys.data.DataFileException;
import dev.segue.recsys.data.RtaQuery;
import dev.segue.recsys.data.SessionCsr;
import dev.segue.recsys.data.SessionFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What RTA training reads from the output folder of {@code segue sessions}: {@code items.tsv} (dense
 * id → track id, artist, RTA training count), {@code rta/train.{offsets,items}.npy} and
 * {@code rta/{valid,test}_queries.tsv}.
 *
 * @param trackIds   track id of every dense id (index 0 = padding, "")
 * @param artist     dense artist index of every dense id (0 for padding; tracks without an artist get one each)
 * @param popularity training plays of every dense id in the RTA training sessions
 */
public record RtaCorpus(String[] trackIds, int[] artist, long[] popularity, SessionCsr train,
                        List<RtaQuery> valid, List<RtaQuery> test) {

    /** Number of dense ids including padding. */
    public int items() { return trackIds.length; }

    public static RtaCorpus read(Path dir) {
        Path itemsFile = dir.resolve("items.tsv");
        List<String> lines = lines(itemsFile);
        int n = lines.size();                            // header + N items = N + 1 ids with padding
        String[] ids = new String[n];
        int[] artist = new int[n];
        long[] pop = new long[n];
        ids[0] = "";
        Map<String, Integer> artists = new HashMap<>();
        for (int i = 1; i < n; i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length < 5) throw new DataFileException(itemsFile, i + 1, "expected 5 columns (item, track_id, artist, t4rec_train_count, rta_train_count), got " + f.length);
            int d;
            try {
                d = Integer.parseInt(f[0]);
                pop[i] = Long.parseLong(f[4]);
            } catch (NumberFormatException e) {
                throw new DataFileException(itemsFile, i + 1, "item id and counts must be integers: " + e.getMessage());
            }
            if (d != i) throw new DataFileException(itemsFile, i + 1, "dense ids must be 1…N in order; found " + d + " where " + i + " was expected");
            ids[i] = f[1];
            String a = f[2].isEmpty() ? "\u0000track:" + f[1] : f[2];
            artist[i] = artists.computeIfAbsent(a, k -> artists.size() + 1);
        }
        Path rta = dir.resolve("rta");
        SessionCsr train = SessionCsr.read(rta, "train");
        for (int it : train.items())
            if (it <= 0 || it >= n) throw new DataFileException(rta.resolve("train.items.npy"), 0, "item " + it + " outside 1…" + (n - 1) + " of items.tsv");
        return new RtaCorpus(ids, artist, pop, train, queries(rta.resolve("valid_queries.tsv"), n), queries(rta.resolve("test_queries.tsv"), n));
    }

    /**
     * #nowplaying as preprocessed for GCE-GNN ({@code ../shared/data/nowplaying}): no metadata, so every
     * item is its own "artist" (the R-precision artist credit then only counts exact songs). Training =
     * the training sessions. The test sessions behind the test cases with at least {@code minLength}
     * songs (11 by default: every group 1…10 keeps a withheld song) are shuffled with {@code seed} and
     * halved into validation and test; each half forms 10 equal groups where group g shows the first g
     * songs and withholds the rest (seeds removed, each song once), as {@code RtaSplit} does.
     */
    public static RtaCorpus fromNowplaying(Path dir, int minLength, long seed) {
        var d = dev.segue.recsys.data.sets.NowplayingReader.read(dir);
        int items = d.maxItem() + 1;
        String[] ids = new String[items];
        int[] artist = new int[items];
        long[] pop = new long[items];
        ids[0] = "";
        for (int i = 1; i < items; i++) { ids[i] = Integer.toString(i); artist[i] = i; }
        for (int it : d.train().items()) pop[it]++;
        SessionCsr test = d.testSessions();
        List<Integer> eligible = new ArrayList<>();
        for (int s = 0; s < test.count(); s++) if (test.length(s) >= minLength) eligible.add(s);
        if (eligible.size() < 20) throw new IllegalArgumentException(dir + ": only " + eligible.size() + " test sessions have >= " + minLength + " songs");
        java.util.Collections.shuffle(eligible, new java.util.Random(seed));
        int half = eligible.size() / 2;
        return new RtaCorpus(ids, artist, pop, d.train(), grouped(test, eligible.subList(0, half)), grouped(test, eligible.subList(half, 2 * half)));
    }

    /** Group g (1…10) is the g-th tenth of the sessions: first g songs as seeds, the rest (minus seeds, each once) as truth. */
    static List<RtaQuery> grouped(SessionCsr sessions, List<Integer> chosen) {
        List<RtaQuery> out = new ArrayList<>();
        int per = Math.max(1, chosen.size() / 10);
        for (int i = 0; i < chosen.size(); i++) {
            int group = Math.min(10, i / per + 1);
            int[] items = sessions.session(chosen.get(i));
            int[] seeds = java.util.Arrays.copyOf(items, group);
            it.unimi.dsi.fastutil.ints.IntLinkedOpenHashSet seedSet = new it.unimi.dsi.fastutil.ints.IntLinkedOpenHashSet(seeds);
            it.unimi.dsi.fastutil.ints.IntLinkedOpenHashSet truth = new it.unimi.dsi.fastutil.ints.IntLinkedOpenHashSet();
            for (int k = group; k < items.length; k++) if (!seedSet.contains(items[k])) truth.add(items[k]);
            out.add(new RtaQuery(chosen.get(i), group, seeds, truth.toIntArray()));
        }
        return out;
    }

    /** {@link SessionFiles#readQueries} with every id checked against the vocabulary and every query seeded. */
    static List<RtaQuery> queries(Path file, int items) {
        List<RtaQuery> out = SessionFiles.readQueries(file);
        for (int q = 0; q < out.size(); q++) {
            long line = q + 2;                            // after the header, one query per line
            if (out.get(q).seeds().length == 0) throw new DataFileException(file, line, "query without seeds");
            for (int[] a : new int[][] {out.get(q).seeds(), out.get(q).truth()})
                for (int v : a) if (v <= 0 || v >= items) throw new DataFileException(file, line, "item " + v + " outside 1…" + (items - 1));
        }
        return out;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage() + " (is this an output folder of `segue sessions`?)", e);
        }
    }
}
