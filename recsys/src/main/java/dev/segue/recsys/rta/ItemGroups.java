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
 * <p>As the reference code ({@code format_rta_input.py}, {@code DataManager.get_pop_bucket}) forms them:
 * artists by artist, albums by (album name, artist) ("album by artist"), and popularity buckets on a log
 * scale of the play count x (0 counts as 1): bucket = 1 + ⌊B·(ln x − ln 2) / (ln x_max − ln 2)⌋ (truncated
 * toward zero), clamped to 0…B−1, with B = 100; this group id is bucket + 1. Deviations: x_max is the
 * corpus' largest count (the reference hard-codes 45,394, its data set's); x counts the RTA training
 * sessions (the reference counts all playlists, test ones included); padding has a row of its own (in
 * the reference it shares bucket 0 with the rarest songs; padded positions are masked either way); the
 * reference's fifth token, a 30-second duration bucket, is left out (the study's FM uses song, artist,
 * album and popularity).
 *
 * @param artist  [V] artist group of each item
 * @param album   [V] album group (album names are scoped by artist, so two "Greatest Hits" differ)
 * @param pop     [V] popularity group 1…buckets (log-scale bucket of the training count, plus 1)
 */
public record ItemGroups(int[] artist, int[] album, int[] pop, int artists, int albums, int buckets) {

    /** Number of groups per kind, padding row included: {artists + 1, albums + 1, buckets + 1}. */
    public int[] rows() { return new int[] {artists + 1, albums + 1, buckets + 1}; }

    /** [3, V] int64 rows artist, album, pop: how the FM/NN tables keep the groups in their checkpoints. */
    public dev.segue.core.Tensor toTensor() {
        int v = artist.length;
        long[] a = new long[3 * v];
        int[][] k = byKind();
        for (int r = 0; r < 3; r++) for (int i = 0; i < v; i++) a[r * v + i] = k[r][i];
        return dev.segue.core.Tensor.ofLongs(a, 3, v);
    }

    /** Inverse of {@link #toTensor()}; the group counts are the tables' row counts minus padding. */
    public static ItemGroups fromTensor(dev.segue.core.Tensor groups, int artists, int albums, int buckets) {
        long[] a = groups.toLongArray();
        int v = groups.size(1);
        int[][] k = new int[3][v];
        for (int r = 0; r < 3; r++) for (int i = 0; i < v; i++) k[r][i] = (int) a[r * v + i];
        return new ItemGroups(k[0], k[1], k[2], artists, albums, buckets);
    }

    /** [kind][V]: artist, album, pop. */
    public int[][] byKind() { return new int[][] {artist, album, pop}; }

    /** The reference's number of popularity buckets. */
    public static final int BUCKETS = 100;

    /**
     * From the corpus (artist, popularity) and Music4All's {@code id_information.csv} (album_name) in
     * {@code music4all}; a track absent there gets an album of its own. {@code maxPop} ≤ 0: the corpus'
     * largest count.
     */
    public static ItemGroups of(RtaCorpus corpus, Path music4all, int buckets, long maxPop) {
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
        return new ItemGroups(corpus.artist(), album, popularityBuckets(corpus.popularity(), buckets, maxPop), artists, albums.size(), buckets);
    }

    /**
     * The popularity group (log bucket + 1, see the class comment) of items 1…V−1; index 0 (padding) gets 0.
     * {@code maxPop} ≤ 0: the largest count; it is raised to 3 so that ln(x_max / 2) is positive.
     */
    static int[] popularityBuckets(long[] counts, int buckets, long maxPop) {
        long max = maxPop;
        if (max <= 0) for (int i = 1; i < counts.length; i++) max = Math.max(max, counts[i]);
        double scale = Math.log(Math.max(3, max)) - Math.log(2);
        int[] out = new int[counts.length];
        for (int i = 1; i < counts.length; i++) out[i] = 1 + logBucket(counts[i], buckets, scale);
        return out;
    }

    /** 1 + trunc(B·(ln x − ln 2)/scale) clamped to 0…B−1, with x = max(count, 1), as get_pop_bucket. */
    static int logBucket(long count, int buckets, double scale) {
        double x = Math.max(1, count);
        long b = 1 + (long) (buckets * (Math.log(x) - Math.log(2)) / scale);
        return (int) Math.max(0, Math.min(buckets - 1, b));
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
