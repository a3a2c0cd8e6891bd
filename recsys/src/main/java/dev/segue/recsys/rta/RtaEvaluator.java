package dev.segue.recsys.rta;

import dev.segue.core.Tensor;
import dev.segue.core.autograd.Grad;
import dev.segue.recsys.data.RtaQuery;
import dev.segue.recsys.eval.ContinuationMetrics;
import dev.segue.recsys.eval.ContinuationProtocol;
import dev.segue.recsys.eval.NextItemMetric;
import dev.segue.recsys.eval.NextItemMetrics;
import dev.segue.recsys.eval.PlainScoreBlock;
import dev.segue.recsys.eval.QueryScores;
import dev.segue.recsys.eval.TopK;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.ints.IntSet;

import java.util.ArrayList;
import java.util.List;

/**
 * The RTA protocol on a model: for each query the seeds (1…10 songs) are aggregated to h, every item
 * is scored by ⟨h, e(item)⟩, the seeds and padding are excluded, and the top {@code n} (500) are kept.
 * Reported per query: the study's NDCG / MAP / Recall at 10 and 20 (against all withheld songs) and the
 * RTA metrics of {@link ContinuationMetrics} on the whole list, plus coverage.
 */
public final class RtaEvaluator {
    public static final int[] CUTOFFS = {10, 20};
    private static final int CHUNK = 256;

    private final ContinuationMetrics metrics;
    private final int n;

    public RtaEvaluator(ContinuationMetrics metrics, int n) {
        this.metrics = metrics;
        this.n = n;
    }

    /** The top-n lists (seeds excluded) of every query, in query order. */
    public static List<int[]> recommend(RtaModel model, List<RtaQuery> queries, int n) {
        boolean was = model.isTraining();
        model.eval();
        try (var g = Grad.off()) {
            Tensor all = model.representer().all();
            int v = all.size(0), d = all.size(1);
            float[] items = all.contiguous().toFloatArray();
            int[][] out = new int[queries.size()][];
            // queries of one seed count form dense [B, T] batches (as the reference code batches groups)
            java.util.Map<Integer, List<Integer>> byLength = new java.util.TreeMap<>();
            for (int q = 0; q < queries.size(); q++) byLength.computeIfAbsent(queries.get(q).seeds().length, k -> new ArrayList<>()).add(q);
            for (var e : byLength.entrySet()) {
                int t = e.getKey();
                List<Integer> qs = e.getValue();
                for (int from = 0; from < qs.size(); from += CHUNK) {
                    int b = Math.min(CHUNK, qs.size() - from);
                    long[] seeds = new long[b * t];
                    int[][] excluded = new int[b][];
                    for (int i = 0; i < b; i++) {
                        int[] s = queries.get(qs.get(from + i)).seeds();
                        for (int k = 0; k < t; k++) seeds[i * t + k] = s[k];
                        excluded[i] = excludedIds(s);
                    }
                    TopK.Result r = rank(model, items, v, d, seeds, b, t, excluded, Math.min(n, v - 1));
                    // rows are shorter than k when fewer than k items remain after the exclusions: TopK pads them with −1
                    for (int i = 0; i < b; i++) out[qs.get(from + i)] = java.util.Arrays.stream(r.row(i)).filter(id -> id > 0).toArray();
                }
            }
            return java.util.Arrays.asList(out);
        } finally {
            if (was) model.train();
        }
    }

    /** The ids a query never gets back, sorted: padding 0 and its seeds. */
    static int[] excludedIds(int[] seeds) {
        IntOpenHashSet ex = new IntOpenHashSet(seeds);
        ex.add(0);
        int[] out = ex.toIntArray();
        java.util.Arrays.sort(out);
        return out;
    }

    /**
     * The top k of b sessions of t seeds each ([b·t] ids, no padding) by ⟨h, e(item)⟩ over the item table
     * {@code items} [v, d], leaving out {@code excluded[q]} (sorted) — the reference's compute_recos,
     * which sets the seeds' scores to −1000 before its top-k. Rows are padded with −1 when fewer than k
     * items remain. The model must be in eval mode under {@code Grad.off()}.
     */
    static TopK.Result rank(RtaModel model, float[] items, int v, int d, long[] seeds, int b, int t, int[][] excluded, int k) {
        float[] h = model.sessionRepresentation(seeds, b, t).toFloatArray();
        return TopK.topK(h, b, items, v, d, k, PlainScoreBlock.INSTANCE, q -> excluded[q]);
    }

    public QueryScores evaluate(RtaModel model, List<RtaQuery> queries) {
        List<int[]> recs = recommend(model, queries, n);
        return score(recs, queries, model.representer().items() - 1);
    }

    /** Scores given lists (for tests and for other recommenders under the same protocol). */
    public QueryScores score(List<int[]> recs, List<RtaQuery> queries, int catalogueSize) {
        List<IntSet> seeds = new ArrayList<>(), truths = new ArrayList<>();
        int[] groups = new int[queries.size()];
        for (int q = 0; q < queries.size(); q++) {
            seeds.add(new IntOpenHashSet(queries.get(q).seeds()));
            truths.add(new IntOpenHashSet(queries.get(q).truth()));
            groups[q] = queries.get(q).group();
        }
        QueryScores s = ContinuationProtocol.evaluate(metrics, recs, seeds, truths, groups, n, catalogueSize);
        NextItemMetric[] study = {NextItemMetric.NDCG, NextItemMetric.MAP, NextItemMetric.RECALL};
        double[][][] v = new double[study.length][CUTOFFS.length][queries.size()];
        for (int q = 0; q < queries.size(); q++) {
            int[] list = ContinuationMetrics.withoutSeeds(recs.get(q), seeds.get(q));
            double[][] r = NextItemMetrics.compute(list, truths.get(q), CUTOFFS);
            for (int m = 0; m < study.length; m++) for (int c = 0; c < CUTOFFS.length; c++) v[m][c][q] = r[study[m].ordinal()][c];
        }
        for (int m = 0; m < study.length; m++)
            for (int c = 0; c < CUTOFFS.length; c++) s.put(study[m].key() + "@" + CUTOFFS[c], v[m][c]);
        return s;
    }
}
