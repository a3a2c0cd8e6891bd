package dev.segue.dsp.spectral;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The mel product on a batch of L frames at once (one frame per SIMD lane, straight from {@link DoubleBatchFft}):
 * |X|^2 per bin, then each filter's weighted sum over its support, in float64 lanes. Power 2 only. (Rounding a row's
 * sums to float32 with one vector conversion was slightly faster on JDK 25, but on JDK 17 compiling that conversion
 * later left the CQT's decimator without its vector intrinsics: cqt 56 ms instead of 9 after an mfcc.)
 */
final class BatchMel {
    private BatchMel() {}

    static final VectorSpecies<Double> S = DoubleBatchFft.S;

    /** out [n_mels, frames] receives frames t0 .. t0 + nb - 1. p: scratch of bins * L doubles. */
    static void apply(DoubleBatchFft fft, int t0, int nb, MelFilterBank bank, double[] p, float[] out, int frames) {
        int L = DoubleBatchFft.L, bins = bank.bins();
        fft.unpackPower(p);
        float[] w = bank.weights().data();
        double[] lanes = new double[L];
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
            acc0.add(acc1).intoArray(lanes, 0);
            int o = row * frames + t0;
            for (int l = 0; l < nb; l++) out[o + l] = (float) lanes[l];
        }
    }
}
