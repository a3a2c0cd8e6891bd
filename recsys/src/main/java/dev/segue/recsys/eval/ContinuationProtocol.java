package dev.segue.recsys.eval;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.ints.IntSet;
import java.util.List;

/**
 * Scores playlist continuations (the RTA protocol): the {@link ContinuationMetric}s per query on the
 * first {@code n} recommendations left after removing the seeds, plus coverage = distinct recommended
 * items over all queries / catalogue size.
 */
public final class ContinuationProtocol {
    private ContinuationProtocol() {}

    public static final int DEFAULT_RECOMMENDATIONS = 500;

    public static QueryScores evaluate(ContinuationMetrics metrics, List<int[]> recs, List<? extends IntSet> seeds,
                                       List<? extends IntSet> truths, int[] groups, int n, int catalogueSize) {
        if (recs.size() != truths.size() || seeds.size() != truths.size())
            throw new IllegalArgumentException("recs, seeds and truths differ in size: " + recs.size() + ", "
                    + seeds.size() + ", " + truths.size());
        int q = recs.size();
        ContinuationMetric[] ms = ContinuationMetric.values();
        double[][] v = new double[ms.length][q];
        IntSet covered = new IntOpenHashSet();
        for (int i = 0; i < q; i++) {
            int[] list = ContinuationMetrics.withoutSeeds(recs.get(i), seeds.get(i));
            if (list.length > n) list = java.util.Arrays.copyOf(list, n);
            for (int item : list) covered.add(item);
            double[] r = metrics.compute(list, IntSet.of(), truths.get(i));
            for (int m = 0; m < ms.length; m++) v[m][i] = r[m];
        }
        QueryScores out = new QueryScores(q, groups);
        for (ContinuationMetric m : ms) out.put(m.key(), v[m.ordinal()]);
        out.putGlobal("coverage", catalogueSize == 0 ? Double.NaN : (double) covered.size() / catalogueSize);
        return out;
    }
}
