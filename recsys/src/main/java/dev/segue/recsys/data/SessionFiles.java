package dev.segue.recsys.data;

import dev.segue.core.io.AtomicFiles;
import dev.segue.core.io.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The output of {@code segue sessions}: files a person can read and the trainers can stream or map.
 * <pre>
 * stats.md, stats.json           the study's Tables 4.1/4.2 for this corpus (+ splits, bad rows)
 * items.tsv                      item (dense id, 0 = padding) · track_id · artist · t4rec_train_count · rta_train_count
 * sessions.tsv                   session · user · start (UTC) · items (dense ids, space-separated)
 * t4rec/{train,valid,test}.tsv   the same columns; plus .offsets.npy/.items.npy (CSR)
 * t4rec/{valid,test}_next_truth.tsv  session · last item: the TRUTH of {@code segue eval} for predicting
 *                                the last item of each session from the ones before (Transformers4Rec's evaluation)
 * rta/train.tsv (+ .npy)         RTA training sessions
 * rta/{valid,test}_queries.tsv   query · session · group · seeds · truth
 * rta/{valid,test}_truth.tsv     query · truth, the TRUTH format of {@code segue eval}
 * </pre>
 */
public final class SessionFiles {
    private SessionFiles() {}

    public static void writeSessions(Path file, Sessions s, ItemVocabulary vocab, int[] indices) {
        TextOut.write(file, w -> {
            w.write("session\tuser\tstart\titems\n");
            for (int i : indices) {
                w.write(Integer.toString(i));
                w.write('\t');
                w.write(s.users().id(s.user()[i]));
                w.write('\t');
                w.write(Timestamps.format(s.start()[i]));
                w.write('\t');
                TextOut.items(w, vocab.denseItems(s, i));
                w.write('\n');
            }
        });
    }

    public static void writeItems(Path file, ItemVocabulary vocab, TrackCatalog catalog, long[] t4recCounts, long[] rtaCounts) {
        TextOut.write(file, w -> {
            w.write("item\ttrack_id\tartist\tt4rec_train_count\trta_train_count\n");
            for (int d = 1; d < vocab.size(); d++) {
                String id = vocab.trackId(d);
                int ci = catalog.tracks().indexOf(id);
                String artist = ci >= 0 && ci < catalog.artist().size() ? catalog.artist().get(ci) : "";
                w.write(d + "\t" + id + "\t" + artist + "\t" + t4recCounts[d] + "\t" + rtaCounts[d] + "\n");
            }
        });
    }

    public static void writeQueries(Path dir, String name, List<RtaQuery> queries) {
        TextOut.write(dir.resolve(name + "_queries.tsv"), w -> {
            w.write("query\tsession\tgroup\tseeds\ttruth\n");
            for (int q = 0; q < queries.size(); q++) {
                RtaQuery r = queries.get(q);
                w.write(q + "\t" + r.session() + "\t" + r.group() + "\t");
                TextOut.items(w, r.seeds());
                w.write('\t');
                TextOut.items(w, r.truth());
                w.write('\n');
            }
        });
        TextOut.write(dir.resolve(name + "_truth.tsv"), w -> {
            for (int q = 0; q < queries.size(); q++) {
                w.write(q + "\t");
                TextOut.items(w, queries.get(q).truth());
                w.write('\n');
            }
        });
    }

    /** One row of a {@code *_queries.tsv}: the query id as written (column 1) and the query. */
    public record QueryRow(String id, RtaQuery query) {}

    /** Reads a {@code *_queries.tsv} back (for the RTA trainer's evaluation). */
    public static List<RtaQuery> readQueries(Path file) {
        return readQueryRows(file).stream().map(QueryRow::query).toList();
    }

    /**
     * Reads a {@code *_queries.tsv} (query, session, group, seeds, truth; ids space-separated) with each
     * row's query id; errors name the file and line.
     */
    public static List<QueryRow> readQueryRows(Path file) {
        List<QueryRow> out = new java.util.ArrayList<>();
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.equals("query\tsession\tgroup\tseeds\ttruth"))
                throw new DataFileException(file, 1, "expected the header query, session, group, seeds, truth");
            String s;
            long line = 1;
            while ((s = r.readLine()) != null) {
                line++;
                String[] f = s.split("\t", -1);
                if (f.length != 5) throw new DataFileException(file, line, "expected 5 fields, found " + f.length);
                try {
                    out.add(new QueryRow(f[0], new RtaQuery(Integer.parseInt(f[1]), Integer.parseInt(f[2]), ints(f[3]), ints(f[4]))));
                } catch (NumberFormatException e) {
                    throw new DataFileException(file, line, "bad number: " + e.getMessage());
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DataFileException(file, 0, "file not found");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static int[] ints(String s) {
        if (s.isEmpty()) return new int[0];
        String[] t = s.split(" ");
        int[] v = new int[t.length];
        for (int i = 0; i < t.length; i++) v[i] = Integer.parseInt(t[i]);
        return v;
    }

    /** One line per session: its index and its last item, the next-item target given all earlier items. */
    public static void writeNextItemTruth(Path file, Sessions s, ItemVocabulary vocab, int[] indices) {
        TextOut.write(file, w -> {
            for (int i : indices) {
                int last = s.items()[s.offsets()[i + 1] - 1];
                w.write(i + "\t" + vocab.dense(last) + "\n");
            }
        });
    }

    public static void writeJson(Path file, Map<String, Object> json) {
        AtomicFiles.writeString(file, Json.writePretty(json));
    }
}
