package dev.segue.recsys.rta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata groups of every dense item id that the FM and NN representers embed: artist, album and
 * popularity bucket. Group ids are dense per kind, 1…G (0 = padding, the group of item 0).
 *
 * @param artist  [V] artist group of each item
 * @param album   [V] album group (album names are scoped by artist, so two "Greatest Hits" differ)
 * @param pop     [V] popularity bucket 1…buckets: equal-size bins of items ranked by training count
 */
public record ItemGroups(int[] artist, int[] album, int[] pop, int artists, int albums, int buckets) {

    /** Number of groups per kind, padding row included: {artists + 1, albums + 1, buckets + 1}. */
    public int[] rows() { return new int[] {artists + 1, albums + 1, buckets + 1}; }

    /** [kind][V]: artist, album, pop. */
    public int[][] byKind() { return new int[][] {artist, album, pop}; }

    /**
     * From the corpus (artist, popularity) and Music4All's {@code id_information.csv} (album_name) in
     * {@code music4all}; a track absent there gets an album of its own.
     */
    public static ItemGroups of(RtaCorpus corpus, Path music4all, int buckets) {
        Map<String, String> albumOf = readAlbums(music4all.resolve("id_information.csv"));
        int v = corpus.items();
        int[] album = new int[v];
        Map<String, Integer> albums = new HashMap<>();
        for (int d = 1; d < v; d++) {
            String a = albumOf.get(corpus.trackIds()[d]);
            String key = a == null || a.isEmpty() ? "\u0000track:" + corpus.trackIds()[d] : corpus.artist()[d] + "\u0000" + a;
            album[d] = albums.computeIfAbsent(key, k -> albums.size() + 1);
        }
        int artists = 0;
        for (int a : corpus.artist()) artists = Math.max(artists, a);
        return new ItemGroups(corpus.artist(), album, popularityBuckets(corpus.popularity(), buckets), artists, albums.size(), buckets);
    }

    /** Items 1…V−1 ranked by count (ties: lower id first) and cut into {@code buckets} equal bins; bucket 1 = least played. */
    static int[] popularityBuckets(long[] counts, int buckets) {
        int n = counts.length - 1;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i + 1;
        java.util.Arrays.sort(order, (a, b) -> counts[a] != counts[b] ? Long.compare(counts[a], counts[b]) : Integer.compare(a, b));
        int[] out = new int[counts.length];
        for (int r = 0; r < n; r++) out[order[r]] = 1 + (int) ((long) r * buckets / n);
        return out;
    }

    static Map<String, String> readAlbums(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (the fm and nn representers need album names): " + e.getMessage(), e);
        }
        if (lines.isEmpty()) throw new IllegalArgumentException(file + ": empty");
        String[] head = lines.get(0).split("\t", -1);
        int id = List.of(head).indexOf("id"), album = List.of(head).indexOf("album_name");
        if (id < 0 || album < 0) throw new IllegalArgumentException(file + ":1: header needs columns id and album_name, got " + List.of(head));
        Map<String, String> out = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length <= Math.max(id, album)) throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + f.length + " columns, header has " + head.length);
            out.put(f[id], f[album]);
        }
        return out;
    }
}
