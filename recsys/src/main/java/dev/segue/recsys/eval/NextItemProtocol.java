package dev.segue.recsys.eval;

import it.unimi.dsi.fastutil.ints.IntSet;
import java.util.List;

/** Scores next-item recommendation lists: every {@link NextItemMetric} at every k, per query. */
public final class NextItemProtocol {
    private NextItemProtocol() {}

    /** Metric names are {@code ndcg@10} etc. {@code groups} may be null. */
    public static QueryScores evaluate(List<int[]> recs, List<? extends IntSet> truths, int[] ks, int[] groups) {
        if (recs.size() != truths.size())
            throw new IllegalArgumentException(recs.size() + " recommendation lists for " + truths.size() + " truths");
        int n = recs.size();
        NextItemMetric[] ms = NextItemMetric.values();
        double[][][] v = new double[ms.length][ks.length][n];
        for (int q = 0; q < n; q++) {
            double[][] r = NextItemMetrics.compute(recs.get(q), truths.get(q), ks);
            for (int m = 0; m < ms.length; m++) for (int j = 0; j < ks.length; j++) v[m][j][q] = r[m][j];
        }
        QueryScores out = new QueryScores(n, groups);
        for (int j = 0; j < ks.length; j++)
            for (NextItemMetric m : ms) out.put(m.key() + "@" + ks[j], v[m.ordinal()][j]);
        return out;
    }
}
