package dev.segue.dsp.spectral;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The mel product on a batch of L frames at once (one frame per SIMD lane, straight from {@link FloatBatchFft}):
 * |X|^2 per bin fused into the FFT's unpack pass, then each filter's weighted sum over its few non-zero bins
 * (a sparse product: 128 Slaney filters on 1025 bins touch ~2 bins each on average), in float32 lanes. Power 2 only.
 * Reference: {@link MelSpectrogram#computePerFrame} (float64 FFT, dense-range sums in double).
 */
final class FloatBatchMel {
    private FloatBatchMel() {}

    static final VectorSpecies<Float> S = FloatBatchFft.S;

    /** out [n_mels, frames] receives frames t0 .. t0 + nb - 1. p: scratch of bins * L floats. */
    static void apply(FloatBatchFft fft, int t0, int nb, MelFilterBank bank, float[] p, float[] out, int frames) {
        int L = FloatBatchFft.L, bins = bank.bins();
        fft.unpackPower(p);
        float[] w = bank.weights().data();
        for (int row = 0; row < bank.nMels(); row++) {
            FloatVector acc = FloatVector.zero(S);
            int base = row * bins;
            for (int k = bank.lo(row), hi = bank.hi(row); k < hi; k++)
                acc = FloatVector.fromArray(S, p, k * L).fma(FloatVector.broadcast(S, w[base + k]), acc);
            int o = row * frames + t0;
            if (nb == L) {
                acc.intoArray(out, o);
            } else {
                for (int l = 0; l < nb; l++) out[o + l] = acc.lane(l);
            }
        }
    }
}
