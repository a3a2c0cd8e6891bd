package dev.segue.recsys.eval;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API side of {@link TopK}'s scan: the positions of a block whose score reaches the
 * threshold, a vector of lanes at a time. Loaded only when the incubator module is present; it and the
 * scalar loop in {@link TopK} agree exactly (comparisons only).
 */
final class ThresholdScan {
    private ThresholdScan() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /**
     * Writes to {@code out} the positions j in [0, count) with buf[off + j] ≥ thr (NaN never qualifies), in
     * increasing order, and returns how many: a vector compare per lane group, then the set bits of the
     * mask — no rescan per candidate, which dominated when many scores qualify (large k, early blocks).
     */
    static int candidates(float[] buf, int off, int count, float thr, int[] out) {
        int l = S.length(), j = 0, n = 0;
        for (; j + l <= count; j += l) {
            long bits = FloatVector.fromArray(S, buf, off + j).compare(VectorOperators.GE, thr).toLong();
            while (bits != 0) {
                out[n++] = j + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        for (; j < count; j++) if (buf[off + j] >= thr) out[n++] = j;
        return n;
    }
}
