package dev.segue.recsys.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopKTest {

    /** Small integer entries make every dot product exact, so ties are frequent and must be broken by id. */
    private static float[] ints(int n, SplittableRandom r) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = r.nextInt(5) - 2;
        return v;
    }

    /** Scores every item with a naive dot product and sorts everything: the reference. */
    private static int[] bruteForce(float[] q, int row, float[] items, int nItems, int d, int k, int[] excluded) {
        Integer[] ids = new Integer[nItems];
        float[] s = new float[nItems];
        for (int i = 0; i < nItems; i++) { ids[i] = i; s[i] = PlainScoreBlock.dot(q, row * d, items, i * d, d); }
        Arrays.sort(ids, (a, b) -> s[a] != s[b] ? Float.compare(s[b], s[a]) : Integer.compare(a, b));
        int[] out = new int[k];
        Arrays.fill(out, -1);
        int n = 0;
        for (int i = 0; i < nItems && n < k; i++) if (Arrays.binarySearch(excluded, ids[i]) < 0) out[n++] = ids[i];
        return out;
    }

    @Test
    void batchedTopKAgreesWithBruteForceIncludingTiesAndExclusions() {
        SplittableRandom r = new SplittableRandom(11);
        int nq = 130, nItems = 9_001, d = 7; // remainders in every blocking dimension
        float[] q = ints(nq * d, r), items = ints(nItems * d, r);
        int[][] seen = new int[nq][];
        for (int i = 0; i < nq; i++) {
            int[] e = new int[1 + r.nextInt(20)];
            for (int j = 0; j < e.length; j++) e[j] = r.nextInt(nItems);
            e[0] = 0; // the padding id
            seen[i] = Arrays.stream(e).distinct().sorted().toArray();
        }
        for (int k : new int[] {1, 10, 100, 500}) {
            TopK.Result res = TopK.topK(q, nq, items, nItems, d, k, PlainScoreBlock.INSTANCE, i -> seen[i]);
            for (int i = 0; i < nq; i++) assertArrayEquals(bruteForce(q, i, items, nItems, d, k, seen[i]), res.row(i), "k=" + k + " query " + i);
        }
    }

    @Test
    void tiesGoToTheLowerIdAndShortCataloguesArePadded() {
        // query (1), items 0..3 with scores 0.5, 0.9, 0.9, 0.1 -> ranking 1, 2, 0, 3; k = 6 pads with -1
        float[] q = {1};
        float[] items = {0.5f, 0.9f, 0.9f, 0.1f};
        TopK.Result res = TopK.topK(q, 1, items, 4, 1, 6, PlainScoreBlock.INSTANCE, TopK.NONE);
        assertArrayEquals(new int[] {1, 2, 0, 3, -1, -1}, res.row(0));
        assertEquals(Float.NEGATIVE_INFINITY, res.scores()[5]);
        // excluding item 2 (seen) lets 0 move up
        res = TopK.topK(q, 1, items, 4, 1, 2, PlainScoreBlock.INSTANCE, i -> new int[] {2});
        assertArrayEquals(new int[] {1, 0}, res.row(0));
    }

    @Test
    void nanScoresAreNeverSelected() {
        float[] q = {1};
        float[] items = {Float.NaN, 0.2f, Float.NaN};
        TopK.Result res = TopK.topK(q, 1, items, 3, 1, 3, PlainScoreBlock.INSTANCE, TopK.NONE);
        assertArrayEquals(new int[] {1, -1, -1}, res.row(0));
    }

    @Test
    void plainBlockMatchesNaiveDotsOnRealValues() {
        SplittableRandom r = new SplittableRandom(3);
        int rows = 7, n = 11, d = 33;
        float[] q = new float[rows * d], it = new float[n * d];
        for (int i = 0; i < q.length; i++) q[i] = (float) r.nextGaussian();
        for (int i = 0; i < it.length; i++) it[i] = (float) r.nextGaussian();
        float[] out = new float[rows * 16];
        PlainScoreBlock.INSTANCE.scores(q, 0, rows, it, 2, 9, d, out, 16);
        for (int a = 0; a < rows; a++)
            for (int j = 0; j < 9; j++) {
                double ref = 0;
                for (int k = 0; k < d; k++) ref += (double) q[a * d + k] * it[(2 + j) * d + k];
                assertEquals(ref, out[a * 16 + j], 1e-4, "row " + a + " item " + j);
            }
    }

    @Test
    void gemmScoringMatchesThePlainReference() {
        java.util.Random r = new java.util.Random(5);
        int rows = 37, items = 1031, d = 67;
        float[] q = new float[rows * d + 3], it = new float[items * d];
        for (int i = 0; i < q.length; i++) q[i] = (float) r.nextGaussian();
        for (int i = 0; i < it.length; i++) it[i] = (float) r.nextGaussian();
        float[] a = new float[rows * 1000], b = new float[rows * 1000];
        PlainScoreBlock.INSTANCE.scores(q, 3, rows, it, 17, 999, d, a, 1000);
        GemmScoreBlock.INSTANCE.scores(q, 3, rows, it, 17, 999, d, b, 1000);
        for (int i = 0; i < a.length; i++) org.junit.jupiter.api.Assertions.assertEquals(a[i], b[i], 1e-4f * (1 + Math.abs(a[i])));
        // and the top-k lists agree with brute force when scored by the GEMM
        TopK.Result res = TopK.topK(q, rows, it, items, d, 10, GemmScoreBlock.INSTANCE, TopK.NONE);
        TopK.Result ref = TopK.topK(q, rows, it, items, d, 10, PlainScoreBlock.INSTANCE, TopK.NONE);
        int same = 0;
        for (int row = 0; row < rows; row++) for (int k = 0; k < 10; k++) if (res.items()[row * 10 + k] == ref.items()[row * 10 + k]) same++;
        org.junit.jupiter.api.Assertions.assertEquals(rows * 10, same, "rounding-level score differences never reorder random Gaussian scores");
    }

    /** The best k of (score, id) pairs by sorting everything: higher score first, then the lower id; NaN never. */
    private static long[] sortedReference(float[] scores, int k) {
        return java.util.stream.IntStream.range(0, scores.length).filter(i -> !Float.isNaN(scores[i]))
                .mapToLong(i -> TopK.Heap.pack(scores[i], i)).boxed().sorted(java.util.Comparator.reverseOrder())
                .limit(k).mapToLong(Long::longValue).toArray();
    }

    /**
     * The selector against a full sort on score streams made to stress its compaction: heavy ties (the
     * crowded-bucket fallback), ±0, infinities, NaN, tiny and huge ranges, ascending streams (every score
     * qualifies, so the buffer fills on every block), and blocks of every size, including 1 and 17.
     */
    @Test
    void selectorKeepsExactlyTheBestKOnAdversarialStreams() {
        SplittableRandom r = new SplittableRandom(23);
        for (int kind = 0; kind < 7; kind++) {
            for (int k : new int[] {1, 3, 17, 129, 500}) {
                int n = 20 + r.nextInt(6000);
                float[] s = new float[n];
                for (int i = 0; i < n; i++) {
                    s[i] = switch (kind) {
                        case 0 -> (float) r.nextGaussian();
                        case 1 -> r.nextInt(3);                                   // ties everywhere
                        case 2 -> (float) (1e-30 * r.nextGaussian());             // denormal-ish range, ±0 nearby
                        case 3 -> r.nextInt(4) == 0 ? (r.nextBoolean() ? -0f : 0f) : (float) (1e30 * r.nextGaussian());
                        case 4 -> i;                                              // ascending: everything qualifies
                        case 5 -> r.nextInt(10) == 0 ? Float.NaN : r.nextInt(5) == 0 ? Float.POSITIVE_INFINITY : (float) r.nextGaussian();
                        default -> 1f + Math.ulp(1f) * r.nextInt(700);            // a range of a few ulps
                    };
                }
                long[] ref = sortedReference(s, k);
                int block = new int[] {1, 17, 1024, n}[r.nextInt(4)];
                for (boolean scalar : new boolean[] {false, true}) {
                    TopK.Heap h = new TopK.Heap(k);
                    int[] ex = {};
                    for (int from = 0; from < n; from += block) {
                        if (scalar) h.offerAllScalar(s, from, Math.min(block, n - from), from, ex);
                        else h.offerAll(s, from, Math.min(block, n - from), from, ex);
                    }
                    int[] ids = new int[k];
                    float[] sc = new float[k];
                    h.drainSorted(ids, sc, 0);
                    for (int i = 0; i < k; i++) {
                        String at = "kind " + kind + " k " + k + " n " + n + " block " + block + " rank " + i + (scalar ? " scalar" : " vector");
                        if (i < ref.length) {
                            assertEquals(TopK.Heap.itemOf(ref[i]), ids[i], at);
                            assertEquals(Float.floatToIntBits(TopK.Heap.scoreOf(ref[i])), Float.floatToIntBits(sc[i]), at);
                        } else {
                            assertEquals(-1, ids[i], at);
                        }
                    }
                }
            }
        }
    }
}
