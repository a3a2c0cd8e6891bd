package dev.segue.recsys.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntSet;
import org.junit.jupiter.api.Test;

class NextItemMetricsTest {
    private static final double EPS = 1e-12;

    private static double v(double[][] r, NextItemMetric m, int j) { return r[m.ordinal()][j]; }

    private static double log2(double x) { return Math.log(x) / Math.log(2); }

    @Test
    void singleTargetMatchesTransformers4RecDefinitions() {
        // target 9 at rank 3 of [5, 7, 9, 11]: NDCG = 1/log2(3+1) = 0.5, MAP = MRR = 1/3,
        // recall = hit rate = 1, precision = 1/k = 0.1 at k = 10; at k = 2 the target is out of reach
        double[][] r = NextItemMetrics.compute(new int[] {5, 7, 9, 11}, 9, new int[] {10, 2});
        assertEquals(0.5, v(r, NextItemMetric.NDCG, 0), EPS);
        assertEquals(1.0 / 3, v(r, NextItemMetric.MAP, 0), EPS);
        assertEquals(1.0, v(r, NextItemMetric.RECALL, 0), EPS);
        assertEquals(0.1, v(r, NextItemMetric.PRECISION, 0), EPS);
        assertEquals(1.0 / 3, v(r, NextItemMetric.MRR, 0), EPS);
        assertEquals(1.0, v(r, NextItemMetric.HIT_RATE, 0), EPS);
        for (NextItemMetric m : NextItemMetric.values()) assertEquals(0.0, v(r, m, 1), EPS, m.key());
    }

    @Test
    void severalTargetsUseIdealDcgOverMinOfRAndK() {
        // [1,2,3,4,5] vs {2,5,8}: hits at ranks 2 and 5.
        // k=5: DCG = 1/log2 3 + 1/log2 6 = 1.017782; IDCG (3 ideal hits) = 1 + 1/log2 3 + 1/2 = 2.130930;
        //      NDCG = 0.477624 (scipy-free check: printed by python from the same formula);
        //      MAP = (P@2 + P@5)/min(3,5) = (1/2 + 2/5)/3 = 0.3; recall 2/3; precision 2/5; MRR 1/2.
        // k=3: DCG = 1/log2 3; IDCG still over 3 positions -> 0.296082; MAP = (1/2)/3; recall 1/3; precision 1/3.
        double[][] r = NextItemMetrics.compute(new int[] {1, 2, 3, 4, 5}, IntSet.of(2, 5, 8), new int[] {5, 3});
        double idcg = 1 + 1 / log2(3) + 0.5;
        assertEquals((1 / log2(3) + 1 / log2(6)) / idcg, v(r, NextItemMetric.NDCG, 0), EPS);
        assertEquals(0.4776237035032179, v(r, NextItemMetric.NDCG, 0), 1e-12);
        assertEquals(0.3, v(r, NextItemMetric.MAP, 0), EPS);
        assertEquals(2.0 / 3, v(r, NextItemMetric.RECALL, 0), EPS);
        assertEquals(0.4, v(r, NextItemMetric.PRECISION, 0), EPS);
        assertEquals(0.5, v(r, NextItemMetric.MRR, 0), EPS);
        assertEquals(0.2960819109658652, v(r, NextItemMetric.NDCG, 1), 1e-12);
        assertEquals(0.5 / 3, v(r, NextItemMetric.MAP, 1), EPS);
        assertEquals(1.0 / 3, v(r, NextItemMetric.RECALL, 1), EPS);
        assertEquals(1.0 / 3, v(r, NextItemMetric.PRECISION, 1), EPS);
    }

    @Test
    void missedTargetLowersNdcgUnlikeTransformers4Rec() {
        // one hit at rank 1 out of R = 2: DCG 1, IDCG 1 + 1/log2 3 -> 0.613147 (T4Rec's own code gives 1.0)
        double[][] r = NextItemMetrics.compute(new int[] {4, 1, 2}, IntSet.of(4, 99), new int[] {10});
        assertEquals(0.6131471927654584, v(r, NextItemMetric.NDCG, 0), 1e-12);
        assertEquals(0.5, v(r, NextItemMetric.MAP, 0), EPS); // P@1 / min(2, 10)
        // Transformers4Rec's variant: ideal DCG over the one hit found -> 1.0
        assertEquals(1.0, NextItemMetrics.ndcgTransformers4Rec(new int[] {4, 1, 2}, IntSet.of(4, 99), 10), EPS);
        // hits at ranks 2 and 3 of R = 3: T4Rec IDCG = 1 + 1/log2 3 (two hits), DCG = 1/log2 3 + 1/2
        assertEquals((1 / log2(3) + 0.5) / (1 + 1 / log2(3)),
                NextItemMetrics.ndcgTransformers4Rec(new int[] {7, 4, 1}, IntSet.of(4, 1, 99), 10), EPS);
        // one target: both definitions agree (rank 3 -> 0.5)
        assertEquals(0.5, NextItemMetrics.ndcgTransformers4Rec(new int[] {5, 7, 9}, IntSet.of(9), 10), EPS);
    }

    @Test
    void kLargerThanListAndDuplicates() {
        // list [4] with k = 20: everything perfect except precision = 1/20
        double[][] r = NextItemMetrics.compute(new int[] {4}, 4, new int[] {20});
        assertEquals(1.0, v(r, NextItemMetric.NDCG, 0), EPS);
        assertEquals(1.0, v(r, NextItemMetric.MAP, 0), EPS);
        assertEquals(0.05, v(r, NextItemMetric.PRECISION, 0), EPS);
        // [3,3,4] vs {3,4}: the second 3 is not a new hit; hits at ranks 1 and 3.
        // DCG = 1 + 1/log2 4 = 1.5, IDCG = 1 + 1/log2 3 -> 0.919721; MAP = (1 + 2/3)/2 = 0.833333
        r = NextItemMetrics.compute(new int[] {3, 3, 4}, IntSet.of(3, 4), new int[] {3});
        assertEquals(0.9197207891481876, v(r, NextItemMetric.NDCG, 0), 1e-12);
        assertEquals(5.0 / 6, v(r, NextItemMetric.MAP, 0), EPS);
        assertEquals(1.0, v(r, NextItemMetric.RECALL, 0), EPS);
        assertEquals(2.0 / 3, v(r, NextItemMetric.PRECISION, 0), EPS);
    }

    @Test
    void emptyTruthIsUndefinedAndExcludedFromTheMean() {
        double[][] r = NextItemMetrics.compute(new int[] {1, 2}, IntSet.of(), new int[] {10});
        for (NextItemMetric m : NextItemMetric.values()) assertTrue(Double.isNaN(v(r, m, 0)));
        QueryScores s = NextItemProtocol.evaluate(java.util.List.of(new int[] {1, 2}, new int[] {7, 1}),
                java.util.List.of(IntSet.of(), IntSet.of(1)), new int[] {10}, null);
        MetricSummary ndcg = s.summary("ndcg@10");
        assertEquals(1, ndcg.n());
        assertEquals(1, ndcg.undefined());
        assertEquals(1 / log2(3), ndcg.mean(), EPS);
    }

    @Test
    void tiedScoresRankByLowerIdBeforeTheMetric() {
        // scores of items 0..4: 0.3, 0.7, 0.7, 0.1, 0.7 -> ranking 1, 2, 4, 0, 3 (ties by lower id);
        // target 4 shares the top score but ranks 3rd: NDCG@10 = 1/log2 4 = 0.5, MRR = 1/3, HR@2 = 0
        float[] items = {0.3f, 0.7f, 0.7f, 0.1f, 0.7f};
        int[] ranked = TopK.topK(new float[] {1}, 1, items, 5, 1, 5, PlainScoreBlock.INSTANCE, TopK.NONE).row(0);
        assertArrayEquals(new int[] {1, 2, 4, 0, 3}, ranked);
        double[][] r = NextItemMetrics.compute(ranked, 4, new int[] {10, 2});
        assertEquals(0.5, v(r, NextItemMetric.NDCG, 0), EPS);
        assertEquals(1.0 / 3, v(r, NextItemMetric.MRR, 0), EPS);
        assertEquals(0.0, v(r, NextItemMetric.HIT_RATE, 1), EPS);
    }

    @Test
    void emptyListScoresZero() {
        double[][] r = NextItemMetrics.compute(new int[0], 3, new int[] {10});
        for (NextItemMetric m : NextItemMetric.values()) assertEquals(0.0, v(r, m, 0), EPS);
    }
}
