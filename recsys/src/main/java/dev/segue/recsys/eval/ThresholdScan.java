package dev.segue.recsys.eval;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API side of {@link TopK.Heap#offerAll}: one vector compare per lane group against the
 * threshold, then the set bits of the mask go straight into the selector's buffer. Loaded only when the
 * incubator module is present; it and the scalar loop in {@link TopK} select exactly the same entries
 * (comparisons only).
 */
final class ThresholdScan {
    private ThresholdScan() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /**
     * Offers scores buf[off .. off+count) of items firstId, firstId+1, … to {@code h}; excluded is sorted.
     * A lane that passed the compare is checked again against the threshold, which rises when the buffer
     * fills and is compacted in the middle of a lane group. NaN never passes.
     */
    static void offerAll(TopK.Heap h, float[] buf, int off, int count, int firstId, int[] excluded) {
        int l = S.length();
        long[] key = h.key;
        int size = h.size, capacity = key.length;
        float thr = h.threshold;
        int e = TopK.Heap.lowerBound(excluded, firstId);
        boolean none = e >= excluded.length;
        for (int j = 0; j < count; j += l) {
            long bits;
            if (j + l <= count) {
                bits = FloatVector.fromArray(S, buf, off + j).compare(VectorOperators.GE, thr).toLong();
            } else {
                bits = 0;
                for (int i = j; i < count; i++) if (buf[off + i] >= thr) bits |= 1L << (i - j);
            }
            while (bits != 0) {
                int p = j + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                float v = buf[off + p];
                if (!(v >= thr)) continue;
                int item = firstId + p;
                if (!none) {
                    while (e < excluded.length && excluded[e] < item) e++;
                    if (e < excluded.length && excluded[e] == item) continue;
                }
                key[size] = TopK.Heap.pack(v, item);
                if (++size == capacity) {
                    h.size = size;
                    thr = h.compact();
                    size = h.size;
                }
            }
        }
        h.size = size;
    }
}
