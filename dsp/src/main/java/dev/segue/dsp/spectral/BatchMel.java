package dev.segue.dsp.spectral;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The mel product on a batch of L frames at once (one frame per SIMD lane, straight from {@link DoubleBatchFft}):
 * |X|^2 per bin, then each filter's weighted sum over its support, in float64 lanes, each row's L sums rounded to
 * float32 and stored as one vector. Power 2 only.
 */
final class BatchMel {
    private BatchMel() {}

    static final VectorSpecies<Double> S = DoubleBatchFft.S;
    static final VectorSpecies<Float> HS = DoubleBatchFft.HS;

    /** out [n_mels, frames] receives frames t0 .. t0 + nb - 1. p: scratch of bins * L doubles. */
    static void apply(DoubleBatchFft fft, int t0, int nb, MelFilterBank bank, double[] p, float[] out, int frames) {
        int L = DoubleBatchFft.L, bins = bank.bins();
        fft.unpackPower(p);
        float[] w = bank.weights().data();
        for (int row = 0; row < bank.nMels(); row++) {
            // two chains (even and odd bins), summed at the end: the upper filters span tens of bins, and one FMA
            // chain per row was latency-bound
            DoubleVector acc0 = DoubleVector.zero(S), acc1 = DoubleVector.zero(S);
            int base = row * bins, k = bank.lo(row), hi = bank.hi(row);
            for (; k + 1 < hi; k += 2) {
                acc0 = DoubleVector.fromArray(S, p, k * L).fma(DoubleVector.broadcast(S, w[base + k]), acc0);
                acc1 = DoubleVector.fromArray(S, p, (k + 1) * L).fma(DoubleVector.broadcast(S, w[base + k + 1]), acc1);
            }
            if (k < hi) acc0 = DoubleVector.fromArray(S, p, k * L).fma(DoubleVector.broadcast(S, w[base + k]), acc0);
            FloatVector f = (FloatVector) acc0.add(acc1).convertShape(VectorOperators.D2F, HS, 0);
            int o = row * frames + t0;
            if (nb == L) {
                f.intoArray(out, o);
            } else {
                for (int l = 0; l < nb; l++) out[o + l] = f.lane(l);
            }
        }
    }
}
