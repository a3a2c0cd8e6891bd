package dev.segue.recsys.eval;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API side of {@link TopK}'s scan: finds the next position at or after {@code from} whose
 * score reaches the threshold, a vector of lanes at a time. Loaded only when the incubator module is
 * present; {@link #next} and the scalar loop in {@link TopK} agree exactly (comparisons only).
 */
final class ThresholdScan {
    private ThresholdScan() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** The first j in [from, to) with buf[off + j] ≥ thr (NaN never qualifies), or {@code to}. */
    static int next(float[] buf, int off, int from, int to, float thr) {
        int l = S.length(), j = from;
        for (; j + l <= to; j += l) {
            if (FloatVector.fromArray(S, buf, off + j).compare(VectorOperators.GE, thr).anyTrue()) break;
        }
        for (; j < to; j++) if (buf[off + j] >= thr) return j;
        return to;
    }
}
