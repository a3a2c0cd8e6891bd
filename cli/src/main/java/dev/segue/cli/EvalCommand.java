package dev.segue.cli;

import dev.segue.core.io.AtomicFiles;
import dev.segue.core.io.Json;
import dev.segue.recsys.eval.FileEvaluation;
import dev.segue.recsys.eval.PairedTest;
import dev.segue.recsys.eval.QueryScores;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
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

    @Option(names = "--items", description = "continuation: items.tsv of `segue sessions` (item, artist, rta_train_count)")
    Path items;

    @Option(names = "--queries", description = "continuation: *_queries.tsv of `segue sessions` (seeds are excluded; groups reported)")
    Path queries;

    @Option(names = "--baseline", description = "a second RECS.tsv on the same queries: paired t-test per metric")
    Path baseline;

    @Option(names = "--out", description = "write means, 95% CIs, groups (and paired tests) as JSON here")
    Path out;

    @Override
    public Integer call() {
        FileEvaluation.Outcome o = score(recs);
        QueryScores s = o.scores();
        System.out.print(s.lines());
        if (o.missingRecs() > 0) System.err.println("eval: " + o.missingRecs() + " queries had no recommendations (scored as empty lists)");
        if (o.extraRecs() > 0) System.err.println("eval: ignored recommendations for " + o.extraRecs() + " queries not in the truth");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("protocol", protocol);
        json.put("recs", recs.toString());
        json.put("truth", truth.toString());
        if (protocol.equals("next-item")) json.put("k", Arrays.stream(ks).boxed().toList());
        else json.put("n", n);
        json.put("queries_without_recommendations", o.missingRecs());
        json.putAll(s.toJson());
        if (baseline != null) {
            QueryScores b = score(baseline).scores();
            Map<String, Object> tests = new LinkedHashMap<>();
            for (String m : s.metrics()) {
                PairedTest t = s.pairedTest(b, m);
                System.out.printf(Locale.ROOT, "%s vs baseline: %+.4f (t = %.2f, p = %.3g, n = %d)%n", m, t.meanDifference(), t.t(), t.pValue(), t.n());
                tests.put(m, Map.of("mean_difference", t.meanDifference(), "t", t.t(), "p", t.pValue(), "n", t.n()));
            }
            json.put("baseline", baseline.toString());
            json.put("paired_t_tests", tests);
        }
        if (out != null) AtomicFiles.writeString(out, Json.writePretty(json));
        return 0;
    }

    private FileEvaluation.Outcome score(Path recsFile) {
        return switch (protocol) {
            case "next-item" -> FileEvaluation.nextItem(recsFile, truth, ks);
            case "continuation" -> {
                if (items == null) throw new IllegalArgumentException("--protocol continuation needs --items ITEMS.tsv (artists and training popularity)");
                yield FileEvaluation.continuation(recsFile, truth, items, queries, n);
            }
            default -> throw new IllegalArgumentException("--protocol must be next-item or continuation, got '" + protocol + "'");
        };
    }
}
