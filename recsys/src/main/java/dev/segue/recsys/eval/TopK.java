package dev.segue.recsys.eval;

import dev.segue.core.cpu.Parallel;

/**
 * Full-catalogue top-k for many queries without materialising the [queries × items] score matrix:
 * queries go in blocks of {@link #QUERY_BLOCK} (in parallel), items in blocks of {@link #ITEM_BLOCK};
 * each score block (≤ 1 MiB) is folded into one bounded selector per query, so memory is
 * O(threads · block + queries · k) and the selection costs a scan plus O(k log(items/k)) for the few
 * scores that reach the current k-th — cheap next to the GEMM's O(items · d).
 *
 * <p>Order: higher score first, ties broken by the lower item id, so results are deterministic and
 * independent of the blocking and the thread count. NaN scores are never selected. Items listed in a
 * query's exclusion set (e.g. the items it has seen, or the padding id 0) are never returned; when
 * fewer than k items remain the tail is filled with id −1 and score −∞.
 */
public final class TopK {
    private TopK() {}

    public static final int QUERY_BLOCK = 1020;

    /** Whether the threshold scan uses the Vector API (decided once; the result is the same either way). */
    static final boolean VECTOR_SCAN = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("segue.noVector");
    public static final int ITEM_BLOCK = 1024;

    /** Items to exclude for a query, as a sorted array of item ids (may be empty). */
    @FunctionalInterface
    public interface Exclusions { int[] sortedExcluded(int query); }

    public static final Exclusions NONE = q -> new int[0];

    /** Ranked ids and scores: row q is {@code [q*k, (q+1)*k)}. */
    public record Result(int queries, int k, int[] items, float[] scores) {
        public int[] row(int q) { return java.util.Arrays.copyOfRange(items, q * k, (q + 1) * k); }
    }

    public static Result topK(float[] queries, int nq, float[] items, int nItems, int d, int k, ScoreBlock block, Exclusions ex) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        if ((long) nq * d > queries.length || (long) nItems * d > items.length)
            throw new IllegalArgumentException("arrays smaller than [" + nq + "," + d + "] and [" + nItems + "," + d + "]");
        int[] outIds = new int[nq * k];
        float[] outScores = new float[nq * k];
        int blocks = (nq + QUERY_BLOCK - 1) / QUERY_BLOCK;
        Parallel.forEach(blocks, b -> {
            int q0 = b * QUERY_BLOCK, rows = Math.min(QUERY_BLOCK, nq - q0);
            int ib = Math.min(ITEM_BLOCK, Math.max(1, nItems));
            float[] buf = new float[rows * ib];
            Heap[] heaps = new Heap[rows];
            int[][] excl = new int[rows][];
            for (int r = 0; r < rows; r++) { heaps[r] = new Heap(k); excl[r] = ex.sortedExcluded(q0 + r); }
            for (int from = 0; from < nItems; from += ib) {
                int count = Math.min(ib, nItems - from);
                block.scores(queries, q0 * d, rows, items, from, count, d, buf, ib);
                for (int r = 0; r < rows; r++) heaps[r].offerAll(buf, r * ib, count, from, excl[r]);
            }
            for (int r = 0; r < rows; r++) heaps[r].drainSorted(outIds, outScores, (q0 + r) * k);
        });
        return new Result(nq, k, outIds, outScores);
    }

    /**
     * The k best (score, id) pairs seen so far: candidates that reach the current threshold are
     * appended to a buffer of 2k; when it fills, a quickselect keeps the best k and the threshold rises
     * to the k-th score. Appending costs O(1) and each compaction O(k), so the cost is a scan of the
     * scores plus O(k log(n/k)) — far below a heap's sift per insertion. Public for callers that produce
     * score blocks themselves (e.g. on a GPU) and only need the selection.
     *
     * <p>An entry is one long whose natural order is the ranking: the score's bits made monotone in the
     * high half, the complement of the id in the low half (a higher score first, then a lower id). So the
     * quickselect and the final sort compare primitives — no boxing, no two-field comparator.
     */
    public static final class Heap {
        final int k;
        final long[] key;
        int size;
        /** A score below this cannot be among the best k (−∞ until the buffer first fills). */
        float threshold = Float.NEGATIVE_INFINITY;
        /** Histogram of the compaction ({@link #compact}). */
        private final int[] histogram = new int[HISTOGRAM_BUCKETS];
        private static final int HISTOGRAM_BUCKETS = 256;

        public Heap(int k) { this.k = k; key = new long[2 * k]; }

        /** The ranking key of (score, id): larger is better. −0 counts as +0, as the float comparison does. */
        static long pack(float score, int item) {
            int f = Float.floatToRawIntBits(score + 0f);        // −0 + 0 = +0
            int monotone = f ^ ((f >> 31) & 0x7FFFFFFF);         // signed-int order = float order (no NaN here)
            return ((long) monotone << 32) | (~item & 0xFFFFFFFFL);
        }

        static float scoreOf(long key) {
            int m = (int) (key >> 32);
            return Float.intBitsToFloat(m ^ ((m >> 31) & 0x7FFFFFFF));
        }

        static int itemOf(long key) { return ~(int) key; }

        /** Offers scores buf[off .. off+count) of items firstId, firstId+1, …; excluded is sorted. */
        public void offerAll(float[] buf, int off, int count, int firstId, int[] excluded) {
            if (VECTOR_SCAN) ThresholdScan.offerAll(this, buf, off, count, firstId, excluded);
            else offerAllScalar(buf, off, count, firstId, excluded);
        }

        /** The scalar scan: the reference of {@link ThresholdScan#offerAll}, and the path without the Vector API. */
        void offerAllScalar(float[] buf, int off, int count, int firstId, int[] excluded) {
            float thr = threshold;
            int e = lowerBound(excluded, firstId);
            for (int j = 0; j < count; j++) {
                float v = buf[off + j];
                if (!(v >= thr)) continue;                 // the common case: rejected (also drops NaN)
                int item = firstId + j;
                while (e < excluded.length && excluded[e] < item) e++;
                if (e < excluded.length && excluded[e] == item) continue;
                key[size] = pack(v, item);
                if (++size == key.length) thr = compact();
            }
        }

        /**
         * Makes room in the buffer and returns the new threshold. A histogram of the buffer's scores (256
         * buckets over [lowest, highest]) finds the bucket that holds the k-th best; everything from that
         * bucket up stays and its lower edge becomes the threshold. At least k entries reach it, so nothing
         * dropped can be among the best k. This costs three branch-free passes where a quickselect paid
         * a mispredicted branch per comparison (5x the time at k = 500); the buffer keeps a few more than
         * k (those sharing the k-th's bucket). When that bucket is crowded (many equal scores) an exact
         * quickselect keeps exactly k instead. Requires size ≥ k.
         */
        float compact() {
            long[] a = key;
            int n = size, lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            for (int i = 0; i < n; i++) { int m = (int) (a[i] >> 32); lo = Math.min(lo, m); hi = Math.max(hi, m); }
            long range = (long) hi - lo;                                    // monotone score bits: 0 .. 2^32 − 1
            int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(range) - 8);   // range >>> shift < 256
            int[] h = histogram;
            java.util.Arrays.fill(h, 0);
            for (int i = 0; i < n; i++) h[(int) (((a[i] >> 32) - lo) >>> shift)]++;
            int b = (int) (range >>> shift), above = 0;
            while (above + h[b] < k) above += h[b--];                       // b ≥ 0: n ≥ k entries in all
            if (above + h[b] > k + (k >> 1)) return compactExact();         // crowded bucket: too little room freed
            long cut = lo + ((long) b << shift);
            int kept = 0;
            for (int i = 0; i < n; i++) { long v = a[i]; a[kept] = v; kept += (v >> 32) >= cut ? 1 : 0; }
            size = kept;
            int m = (int) cut;
            threshold = Float.intBitsToFloat(m ^ ((m >> 31) & 0x7FFFFFFF));  // back from monotone bits
            return threshold;
        }

        /** Keeps exactly the best k of the buffer (unordered); the threshold becomes the k-th best score. */
        private float compactExact() {
            select(key, 0, size - 1, k - 1);
            size = k;
            long worst = key[0];
            for (int i = 1; i < k; i++) if (key[i] < worst) worst = key[i];
            threshold = scoreOf(worst);
            return threshold;
        }

        /** Quickselect, descending: afterwards positions [0, kth] hold the kth+1 largest keys (unordered). */
        private static void select(long[] a, int lo, int hi, int kth) {
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                // median of three as the pivot, deterministic
                if (a[lo] < a[mid]) swap(a, lo, mid);
                if (a[lo] < a[hi]) swap(a, lo, hi);
                if (a[mid] < a[hi]) swap(a, mid, hi);
                long p = a[mid];
                int i = lo, j = hi;
                while (i <= j) {
                    while (a[i] > p) i++;
                    while (a[j] < p) j--;
                    if (i <= j) { swap(a, i, j); i++; j--; }
                }
                if (kth <= j) hi = j;
                else if (kth >= i) lo = i;
                else return;
            }
        }

        private static void swap(long[] a, int x, int y) { long t = a[x]; a[x] = a[y]; a[y] = t; }

        /** Best first into out[at .. at+k) (id −1, score −∞ when fewer than k were offered); the selector is emptied. */
        public void drainSorted(int[] outIds, float[] outScores, int at) {
            if (size > k) compact();                            // usually leaves a few more than k
            java.util.Arrays.sort(key, 0, size);                // ascending: the best is last
            int n = Math.min(size, k);
            for (int i = 0; i < n; i++) {
                long best = key[size - 1 - i];
                outIds[at + i] = itemOf(best);
                outScores[at + i] = scoreOf(best);
            }
            for (int i = n; i < k; i++) { outIds[at + i] = -1; outScores[at + i] = Float.NEGATIVE_INFINITY; }
            size = 0;
            threshold = Float.NEGATIVE_INFINITY;
        }

        static int lowerBound(int[] a, int key) {
            int lo = 0, hi = a.length;
            while (lo < hi) { int m = (lo + hi) >>> 1; if (a[m] < key) lo = m + 1; else hi = m; }
            return lo;
        }
    }
}
