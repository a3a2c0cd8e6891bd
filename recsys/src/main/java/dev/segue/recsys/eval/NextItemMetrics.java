package dev.segue.recsys.eval;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.ints.IntSet;

/**
 * Next-item metrics of one query: a ranked recommendation list against a set of relevant items.
 *
 * <p>For one relevant item these are exactly Transformers4Rec's values: NDCG@k = 1/log2(rank+1),
 * MAP@k = MRR@k = 1/rank, Recall@k = HitRate@k = 1 and Precision@k = 1/k when the item is at
 * position rank ≤ k, all 0 otherwise.
 *
 * <p>For R relevant items the IDCG here is the DCG of min(R, k) hits at the top positions, the
 * textbook definition. Transformers4Rec's own {@code NDCGAt} sorts only the labels that fall inside the
 * top k to form its ideal ranking, so when some relevant items are missed its IDCG is too small and its
 * NDCG too large (e.g. one hit at rank 1 out of R = 2 gives 1.0 there, 0.6131 here). MAP@k divides
 * Σ P@i·rel_i by min(R, k), as Transformers4Rec does.
 *
 * <p>Conventions: a recommendation list may be shorter than k (missing positions are misses; Precision
 * still divides by k); an item recommended twice counts only at its first position; a query whose truth
 * is empty has no defined value and gets NaN, which {@link MetricSummary} excludes and counts.
 */
public final class NextItemMetrics {
    private NextItemMetrics() {}

    private static final double LN2 = Math.log(2);

    /** 1/log2(position + 2) for a 0-based position: the DCG discount. */
    static double discount(int position) { return LN2 / Math.log(position + 2.0); }

    /**
     * All {@link NextItemMetric}s at every cut-off: {@code result[metric.ordinal()][j]} is the value at
     * {@code ks[j]}.
     */
    public static double[][] compute(int[] ranked, IntSet truth, int[] ks) {
        int nm = NextItemMetric.values().length;
        double[][] out = new double[nm][ks.length];
        int r = truth.size();
        if (r == 0) {
            for (double[] row : out) java.util.Arrays.fill(row, Double.NaN);
            return out;
        }
        int maxK = 0;
        for (int k : ks) {
            if (k <= 0) throw new IllegalArgumentException("k must be positive, got " + k);
            maxK = Math.max(maxK, k);
        }
        int n = Math.min(maxK, ranked.length);
        // prefix sums over positions 0..n-1 so every k is answered from one pass over the list
        double[] dcg = new double[n + 1];
        double[] ap = new double[n + 1];
        int[] hits = new int[n + 1];
        int firstHit = -1;
        IntSet seen = new IntOpenHashSet(Math.min(n, 64));
        for (int i = 0; i < n; i++) {
            int item = ranked[i];
            boolean rel = truth.contains(item) && seen.add(item);
            hits[i + 1] = hits[i] + (rel ? 1 : 0);
            dcg[i + 1] = dcg[i] + (rel ? discount(i) : 0);
            ap[i + 1] = ap[i] + (rel ? (double) hits[i + 1] / (i + 1) : 0);
            if (rel && firstHit < 0) firstHit = i;
        }
        for (int j = 0; j < ks.length; j++) {
            int k = ks[j];
            int m = Math.min(k, n);
            double idcg = 0;
            for (int i = 0, ideal = Math.min(r, k); i < ideal; i++) idcg += discount(i);
            out[NextItemMetric.NDCG.ordinal()][j] = dcg[m] / idcg;
            out[NextItemMetric.MAP.ordinal()][j] = ap[m] / Math.min(r, k);
            out[NextItemMetric.RECALL.ordinal()][j] = (double) hits[m] / r;
            out[NextItemMetric.PRECISION.ordinal()][j] = (double) hits[m] / k;
            out[NextItemMetric.MRR.ordinal()][j] = firstHit >= 0 && firstHit < k ? 1.0 / (firstHit + 1) : 0;
            out[NextItemMetric.HIT_RATE.ordinal()][j] = hits[m] > 0 ? 1 : 0;
        }
        return out;
    }

    /**
     * NDCG@k exactly as Transformers4Rec's {@code NDCGAt} computes it, for comparison with numbers
     * published with that library: the ideal DCG is that of the relevance labels found in the top k,
     * sorted — so relevant items outside the top k do not count against it. Equal to {@link #compute}'s
     * NDCG for one target; larger when some of several targets are missed.
     */
    public static double ndcgTransformers4Rec(int[] ranked, IntSet truth, int k) {
        if (truth.isEmpty()) return Double.NaN;
        int n = Math.min(k, ranked.length), hits = 0;
        double dcg = 0;
        IntSet seen = new IntOpenHashSet();
        for (int i = 0; i < n; i++) {
            if (truth.contains(ranked[i]) && seen.add(ranked[i])) {
                dcg += discount(i);
                hits++;
            }
        }
        double idcg = 0;
        for (int i = 0; i < hits; i++) idcg += discount(i);
        return hits == 0 ? 0 : dcg / idcg;
    }

    /** One relevant item: the common next-item case. */
    public static double[][] compute(int[] ranked, int target, int[] ks) {
        return compute(ranked, IntSet.of(target), ks);
    }
}
