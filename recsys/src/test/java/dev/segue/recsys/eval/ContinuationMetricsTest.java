package dev.segue.recsys.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.unimi.dsi.fastutil.ints.IntSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContinuationMetricsTest {
    private static final double EPS = 1e-12;

    // items 1..10, artist = item / 3 (1,2 -> 0; 3,4,5 -> 1; 6,7,8 -> 2; 9,10 -> 3); popularity = item id,
    // so min 1, max 10 and the normalised popularity of item i is (i - 1) / 9
    private static final int[] ARTIST = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3};
    private static final long[] POP = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    private static double v(double[] r, ContinuationMetric m) { return r[m.ordinal()]; }

    @Test
    void handComputedQuery() {
        // seeds {1}; recs [1,4,6,9,3,10] -> seed removed -> [4,6,9,3,10]; G = {3,10} (artists {1,3}), |G| = 2
        // hits: 3 at index 3, 10 at index 4 -> precision 2/5, recall 2/2; no hit in the first |G| = 2
        // R-precision (reference): artists of all 5 recs {1,2,3} ∩ {1,3} = 2 -> (0 + 0.25*2)/2 = 0.25
        // R-precision (challenge): artists of [4,6] = {1,2} ∩ {1,3} = 1 -> (0 + 0.25)/2 = 0.125
        // NDCG = (1/log2 5 + 1/log2 6) / (1 + 1/log2 3) = 0.817529 / 1.630930 = 0.501266
        // clicks: first hit at index 3 -> floor(3/10) = 0; popularity = (3+5+8+2+9)/9/5 = 0.6
        ContinuationMetrics cm = new ContinuationMetrics(ARTIST, POP);
        double[] r = cm.compute(new int[] {1, 4, 6, 9, 3, 10}, IntSet.of(1), IntSet.of(3, 10));
        assertEquals(0.4, v(r, ContinuationMetric.PRECISION), EPS);
        assertEquals(1.0, v(r, ContinuationMetric.RECALL), EPS);
        assertEquals(0.25, v(r, ContinuationMetric.R_PRECISION), EPS);
        assertEquals(0.125, v(r, ContinuationMetric.R_PRECISION_CHALLENGE), EPS);
        assertEquals(0.5012658353418871, v(r, ContinuationMetric.NDCG), 1e-12);
        assertEquals(0.0, v(r, ContinuationMetric.CLICKS), EPS);
        assertEquals(0.6, v(r, ContinuationMetric.POPULARITY), EPS);
    }

    @Test
    void clicksCountPagesOfTenAnd51WhenNothingHits() {
        ContinuationMetrics cm = new ContinuationMetrics(ARTIST, POP);
        int[] recs = new int[30];
        java.util.Arrays.fill(recs, 2);
        recs[25] = 7; // first hit at index 25 -> two refreshes
        assertEquals(2.0, v(cm.compute(recs, IntSet.of(), IntSet.of(7)), ContinuationMetric.CLICKS), EPS);
        assertEquals(51.0, v(cm.compute(recs, IntSet.of(), IntSet.of(8)), ContinuationMetric.CLICKS), EPS);
        // a hit in the first |G| adds 1 to the song part: [7,...] vs {7}: (1 + 0.25 * |{2}|)/1 = 1.25
        assertEquals(1.25, v(cm.compute(new int[] {7, 1}, IntSet.of(), IntSet.of(7)), ContinuationMetric.R_PRECISION), EPS);
    }

    @Test
    void protocolCutsToNAfterRemovingSeedsAndMeasuresCoverage() {
        ContinuationMetrics cm = new ContinuationMetrics(ARTIST, POP);
        // query 1: seed 5 removed, then cut to n = 2 -> [6, 7] vs {7}: hit at index 1 -> recall 1,
        // precision 1/2, NDCG = (1/log2 3)/1. query 2: [1, 2] vs {9} -> 0.
        // coverage = |{6,7,1,2}| / 10 = 0.4
        QueryScores s = ContinuationProtocol.evaluate(cm, List.of(new int[] {5, 6, 7, 8}, new int[] {1, 2, 3}),
                List.of(IntSet.of(5), IntSet.of()), List.of(IntSet.of(7), IntSet.of(9)), new int[] {1, 2}, 2, 10);
        assertEquals(0.5, s.summary("recall").mean(), EPS);
        assertEquals(0.25, s.summary("precision").mean(), EPS);
        assertEquals(Math.log(2) / Math.log(3) / 2, s.summary("ndcg").mean(), EPS);
        assertEquals(0.4, s.global().get("coverage"), EPS);
        assertEquals(1.0, s.byGroup().get(1).get("recall").mean(), EPS);
        assertEquals(0.0, s.byGroup().get(2).get("recall").mean(), EPS);
    }
}
