package dev.segue.recsys.eval;

import dev.segue.core.cpu.Parallel;

/**
 * Full-catalogue top-k for many queries without materialising the [queries × items] score matrix:
 * queries go in blocks of {@link #QUERY_BLOCK} (in parallel), items in blocks of {@link #ITEM_BLOCK};
 * each score block (≤ 1 MiB) is folded into one bounded heap per query, so memory is
 * O(threads · block + queries · k) and the selection costs O(items · log k) only for the few scores
 * that beat the current k-th — cheap next to the GEMM's O(items · d).
 *
 * <p>Order: higher score first, ties broken by the lower item id, so results are deterministic and
 * independent of the blocking and the thread count. NaN scores are never selected. Items listed in a
 * query's exclusion set (e.g. the items it has seen, or the padding id 0) are never returned; when
 * fewer than k items remain the tail is filled with id −1 and score −∞.
 */
public final class TopK {
    private TopK() {}

    public static final int QUERY_BLOCK = 64;
    public static final int ITEM_BLOCK = 4096;

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
     * A bounded min-heap of (score, id) by "worse first": the root is the current k-th best, which a
     * candidate must beat (higher score, or equal score and lower id) to enter. Public for callers that
     * produce score blocks themselves (e.g. on a GPU) and only need the selection.
     */
    public static final class Heap {
        private final int k;
        private final float[] s;
        private final int[] id;
        private int size;

        public Heap(int k) { this.k = k; s = new float[k]; id = new int[k]; }

        /** a is worse than b */
        private static boolean worse(float sa, int ia, float sb, int ib) { return sa < sb || (sa == sb && ia > ib); }

        /** Offers scores buf[off .. off+count) of items firstId, firstId+1, …; excluded is sorted. */
        public void offerAll(float[] buf, int off, int count, int firstId, int[] excluded) {
            // excluded ids in this block are found by walking the sorted array alongside
            int e = lowerBound(excluded, firstId);
            for (int j = 0; j < count; j++) {
                float v = buf[off + j];
                if (size == k && !(v >= s[0])) continue; // fast reject; also drops NaN
                int item = firstId + j;
                while (e < excluded.length && excluded[e] < item) e++;
                if (e < excluded.length && excluded[e] == item) continue;
                if (v != v) continue;
                offer(v, item);
            }
        }

        void offer(float v, int item) {
            if (size < k) {
                int i = size++;
                s[i] = v; id[i] = item;
                siftUp(i);
            } else if (worse(s[0], id[0], v, item)) {
                s[0] = v; id[0] = item;
                siftDown(0);
            }
        }

        private void siftUp(int i) {
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (!worse(s[i], id[i], s[p], id[p])) break;
                swap(i, p);
                i = p;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int l = 2 * i + 1, m = i;
                if (l < size && worse(s[l], id[l], s[m], id[m])) m = l;
                if (l + 1 < size && worse(s[l + 1], id[l + 1], s[m], id[m])) m = l + 1;
                if (m == i) return;
                swap(i, m);
                i = m;
            }
        }

        private void swap(int a, int b) {
            float ts = s[a]; s[a] = s[b]; s[b] = ts;
            int ti = id[a]; id[a] = id[b]; id[b] = ti;
        }

        /** Best first into out[at .. at+k); the heap is emptied. */
        public void drainSorted(int[] outIds, float[] outScores, int at) {
            for (int i = k - 1; i >= size; i--) { outIds[at + i] = -1; outScores[at + i] = Float.NEGATIVE_INFINITY; }
            while (size > 0) {
                int i = --size;
                outIds[at + i] = id[0];
                outScores[at + i] = s[0];
                s[0] = s[i]; id[0] = id[i];
                siftDown(0);
            }
        }

        private static int lowerBound(int[] a, int key) {
            int lo = 0, hi = a.length;
            while (lo < hi) { int m = (lo + hi) >>> 1; if (a[m] < key) lo = m + 1; else hi = m; }
            return lo;
        }
    }
}
