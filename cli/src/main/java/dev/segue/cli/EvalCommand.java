package dev.segue.cli;

import dev.segue.core.io.AtomicFiles;
import dev.segue.core.io.Json;
import dev.segue.recsys.data.DataFileException;
import dev.segue.recsys.data.IdDictionary;
import dev.segue.recsys.eval.ContinuationMetrics;
import dev.segue.recsys.eval.ContinuationProtocol;
import dev.segue.recsys.eval.ListEvaluation;
import dev.segue.recsys.eval.NextItemProtocol;
import dev.segue.recsys.eval.QueryLists;
import dev.segue.recsys.eval.QueryScores;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.ints.IntSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code segue eval}: scores recommendation lists made by any system with the project's metrics. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score ranked recommendation lists against ground truth.",
                "RECS.tsv: query_id<TAB>item item … (ranked); TRUTH.tsv: query_id<TAB>item [item …]."})
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--recs", required = true) Path recs;
    @Option(names = "--truth", required = true) Path truth;

    @Option(names = "--protocol", defaultValue = "next-item", description = "next-item or continuation (default ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--k", split = ",", defaultValue = "10,20", description = "cut-offs for next-item metrics (default ${DEFAULT-VALUE})")
    int[] ks;

    @Option(names = "--n", defaultValue = "500", description = "recommendations scored per query for continuation (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--items", description = "continuation: items.tsv of `segue sessions` (item, artist, rta_train_count) for the artist credit and popularity")
    Path items;

    @Option(names = "--queries", description = "continuation: *_queries.tsv of `segue sessions` for seeds (excluded) and seed groups")
    Path queries;

    @Option(names = "--out", description = "write the summary (means, 95% CIs, groups) as JSON here")
    Path out;

    @Override
    public Integer call() throws IOException {
        Map<String, String[]> r = QueryLists.read(recs);
        Map<String, String[]> t = QueryLists.read(truth);
        IdDictionary dict = new IdDictionary();
        QueryScores scores;
        ListEvaluation.Aligned a;
        switch (protocol) {
            case "next-item" -> {
                a = ListEvaluation.align(r, t, dict);
                scores = NextItemProtocol.evaluate(a.recs(), a.truths(), ks, null);
            }
            case "continuation" -> {
                if (items == null) throw new IllegalArgumentException("--protocol continuation needs --items ITEMS.tsv (artists and training popularity)");
                Map<String, String[]> itemRows = readItems(items);
                for (String id : itemRows.keySet()) dict.add(id);
                a = ListEvaluation.align(r, t, dict);
                int size = dict.size();
                int[] artist = new int[size];
                long[] pop = new long[size + 1];
                IdDictionary artists = new IdDictionary();
                for (int i = 0; i < size; i++) {
                    String[] row = itemRows.get(dict.id(i));
                    // an item unknown to items.tsv gets an artist of its own and popularity 0
                    artist[i] = row != null ? artists.add(row[0]) : artists.add("\u0000" + dict.id(i));
                    pop[i] = row != null ? Long.parseLong(row[1]) : 0;
                }
                // ContinuationMetrics treats index 0 as padding: shift all ids by one
                int[] artistShifted = new int[size + 1];
                long[] popShifted = new long[size + 1];
                for (int i = 0; i < size; i++) { artistShifted[i + 1] = artist[i]; popShifted[i + 1] = pop[i]; }
                List<int[]> recsShifted = new ArrayList<>();
                for (int[] l : a.recs()) { int[] c = l.clone(); for (int k = 0; k < c.length; k++) c[k]++; recsShifted.add(c); }
                List<IntSet> truthShifted = new ArrayList<>();
                for (IntSet s : a.truths()) { IntOpenHashSet c = new IntOpenHashSet(); for (int v : s) c.add(v + 1); truthShifted.add(c); }
                List<IntSet> seeds = new ArrayList<>();
                int[] groups = null;
                Map<String, String[][]> qs = queries == null ? Map.of() : readQueries(queries);
                if (queries != null) groups = new int[a.queries().size()];
                for (int q = 0; q < a.queries().size(); q++) {
                    String[][] row = qs.get(a.queries().get(q));
                    IntOpenHashSet s = new IntOpenHashSet();
                    if (row != null) for (String item : row[1]) { int id = dict.indexOf(item); if (id >= 0) s.add(id + 1); }
                    seeds.add(s);
                    if (groups != null) groups[q] = row == null ? 0 : Integer.parseInt(row[0][0]);
                }
                ContinuationMetrics cm = new ContinuationMetrics(artistShifted, popShifted);
                scores = ContinuationProtocol.evaluate(cm, recsShifted, seeds, truthShifted, groups, n, itemRows.size());
            }
            default -> throw new IllegalArgumentException("--protocol must be next-item or continuation, got '" + protocol + "'");
        }
        System.out.print(scores.lines());
        if (a.missingRecs() > 0) System.err.println("eval: " + a.missingRecs() + " queries had no recommendations (scored as empty lists)");
        if (a.extraRecs() > 0) System.err.println("eval: ignored recommendations for " + a.extraRecs() + " queries not in the truth");
        if (out != null) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("protocol", protocol);
            json.put("recs", recs.toString());
            json.put("truth", truth.toString());
            if (protocol.equals("next-item")) json.put("k", Arrays.stream(ks).boxed().toList());
            json.put("queries_without_recommendations", a.missingRecs());
            json.putAll(scores.toJson());
            AtomicFiles.writeString(out, Json.writePretty(json));
        }
        return 0;
    }

    /** item → {artist, rta_train_count}. */
    private static Map<String, String[]> readItems(Path file) throws IOException {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) throw new DataFileException(file, 0, "empty file");
            List<String> cols = Arrays.asList(header.split("\t"));
            int ci = cols.indexOf("item"), ca = cols.indexOf("artist"), cp = cols.indexOf("rta_train_count");
            if (ci < 0 || ca < 0 || cp < 0) throw new DataFileException(file, 1, "needs columns item, artist, rta_train_count");
            String s;
            long line = 1;
            while ((s = r.readLine()) != null) {
                line++;
                String[] f = s.split("\t", -1);
                if (f.length != cols.size()) throw new DataFileException(file, line, "expected " + cols.size() + " fields, found " + f.length);
                out.put(f[ci], new String[] {f[ca], f[cp]});
            }
        }
        return out;
    }

    /** query → {{group}, seeds}. */
    private static Map<String, String[][]> readQueries(Path file) throws IOException {
        Map<String, String[][]> out = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("query\t")) throw new DataFileException(file, 1, "expected the header of a *_queries.tsv file");
            String s;
            long line = 1;
            while ((s = r.readLine()) != null) {
                line++;
                String[] f = s.split("\t", -1);
                if (f.length != 5) throw new DataFileException(file, line, "expected 5 fields, found " + f.length);
                out.put(f[0], new String[][] {{f[2]}, f[3].isEmpty() ? new String[0] : f[3].split(" ")});
            }
        }
        return out;
    }
}
