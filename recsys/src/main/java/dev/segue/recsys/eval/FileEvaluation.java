package dev.segue.recsys.eval;

import dev.segue.recsys.data.DataFileException;
import dev.segue.recsys.data.IdDictionary;
import dev.segue.recsys.data.RtaQuery;
import dev.segue.recsys.data.SessionFiles;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.ints.IntSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores RECS/TRUTH files ({@link QueryLists}) with either protocol — the library side of
 * {@code segue eval}, so that a Python model's lists and ours go through the same code.
 */
public final class FileEvaluation {
    private FileEvaluation() {}

    /** Scores and how well the files matched. */
    public record Outcome(QueryScores scores, int missingRecs, int extraRecs) {}

    public static Outcome nextItem(Path recs, Path truth, int[] ks) {
        ListEvaluation.Aligned a = ListEvaluation.align(QueryLists.read(recs), QueryLists.read(truth), new IdDictionary());
        return new Outcome(NextItemProtocol.evaluate(a.recs(), a.truths(), ks, null), a.missingRecs(), a.extraRecs());
    }

    /**
     * @param items   items.tsv of {@code segue sessions} (columns item, artist, rta_train_count): artists
     *                for the R-precision credit, training counts for popularity; its rows are the catalogue
     * @param queries a *_queries.tsv of {@code segue sessions} (query, session, group, seeds, truth) for
     *                the seeds to exclude and the seed groups, or null
     */
    public static Outcome continuation(Path recs, Path truth, Path items, Path queries, int n) {
        Map<String, String[]> itemRows = readItems(items);
        IdDictionary dict = new IdDictionary();
        dict.add(""); // index 0: padding, as ContinuationMetrics expects
        for (String id : itemRows.keySet()) dict.add(id);
        ListEvaluation.Aligned a = ListEvaluation.align(QueryLists.read(recs), QueryLists.read(truth), dict);
        int size = dict.size();
        int[] artist = new int[size];
        long[] pop = new long[size];
        IdDictionary artists = new IdDictionary();
        for (int i = 1; i < size; i++) {
            String[] row = itemRows.get(dict.id(i));
            // an item unknown to items.tsv gets an artist of its own and popularity 0
            artist[i] = artists.add(row != null ? row[0] : "\u0000" + dict.id(i));
            pop[i] = row != null ? parseCount(row[1], items) : 0;
        }
        Map<String, RtaQuery> qs = new HashMap<>();
        if (queries != null) for (SessionFiles.QueryRow row : SessionFiles.readQueryRows(queries)) qs.put(row.id(), row.query());
        List<IntSet> seeds = new ArrayList<>();
        int[] groups = queries == null ? null : new int[a.queries().size()];
        for (int q = 0; q < a.queries().size(); q++) {
            RtaQuery row = qs.get(a.queries().get(q));
            IntOpenHashSet s = new IntOpenHashSet();
            if (row != null) for (int item : row.seeds()) { int id = dict.indexOf(Integer.toString(item)); if (id >= 0) s.add(id); }
            seeds.add(s);
            if (groups != null) groups[q] = row == null ? 0 : row.group();
        }
        ContinuationMetrics cm = new ContinuationMetrics(artist, pop);
        QueryScores scores = ContinuationProtocol.evaluate(cm, a.recs(), seeds, a.truths(), groups, n, itemRows.size());
        return new Outcome(scores, a.missingRecs(), a.extraRecs());
    }

    private static long parseCount(String s, Path file) {
        try { return Long.parseLong(s); } catch (NumberFormatException e) { throw new DataFileException(file, 0, "bad count '" + s + "'"); }
    }

    /** item → {artist, rta_train_count}. */
    static Map<String, String[]> readItems(Path file) {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) throw new DataFileException(file, 0, "empty file");
            List<String> cols = Arrays.asList(header.split("\t"));
            int ci = cols.indexOf("item"), ca = cols.indexOf("artist"), cp = cols.indexOf("rta_train_count");
            if (ci < 0 || ca < 0 || cp < 0) throw new DataFileException(file, 1, "needs columns item, artist, rta_train_count; has " + cols);
            String s;
            long line = 1;
            while ((s = r.readLine()) != null) {
                line++;
                String[] f = s.split("\t", -1);
                if (f.length != cols.size()) throw new DataFileException(file, line, "expected " + cols.size() + " fields, found " + f.length);
                out.put(f[ci], new String[] {f[ca], f[cp]});
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DataFileException(file, 0, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
