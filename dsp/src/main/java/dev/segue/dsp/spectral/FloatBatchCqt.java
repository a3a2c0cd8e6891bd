package dev.segue.dsp.spectral;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One CQT octave's sparse basis product on a batch of L frames (one frame per SIMD lane, from {@link FloatBatchFft}):
 * out[r, t] = sum_j basis[r, idx_j] X[idx_j, t] over the row's kept entries, complex, float32 lanes.
 * Reference: {@link Cqt#responseNaive} (the complex64 STFT, every kept entry, double accumulation).
 */
final class FloatBatchCqt {
    private FloatBatchCqt() {}

    static final VectorSpecies<Float> S = FloatBatchFft.S;

    static void apply(FloatBatchFft fft, int t0, int nb, Cqt.SparseBasis b, float[] ore, float[] oim, int frames) {
        int L = FloatBatchFft.L;
        fft.unpack();
        float[] xr = fft.outRe, xi = fft.outIm;
        int rows = b.idx().length;
        for (int r = 0; r < rows; r++) {
            int[] idx = b.idx()[r];
            float[] br = b.re()[r], bi = b.im()[r];
            FloatVector accR = FloatVector.zero(S), accI = FloatVector.zero(S);
            FloatVector accR2 = FloatVector.zero(S), accI2 = FloatVector.zero(S);
            for (int j = 0; j < idx.length; j++) {
                int k = idx[j] * L;
                FloatVector dr = FloatVector.fromArray(S, xr, k), di = FloatVector.fromArray(S, xi, k);
                FloatVector cr = FloatVector.broadcast(S, br[j]), ci = FloatVector.broadcast(S, bi[j]);
                // (br + i bi)(dr + i di): real parts and imaginary parts in two chains each
                accR = dr.fma(cr, accR);
                accR2 = di.fma(ci, accR2);
                accI = di.fma(cr, accI);
                accI2 = dr.fma(ci, accI2);
            }
            FloatVector re = accR.sub(accR2), im = accI.add(accI2);
            int o = r * frames + t0;
            if (nb == L) {
                re.intoArray(ore, o);
                im.intoArray(oim, o);
            } else {
                for (int l = 0; l < nb; l++) { ore[o + l] = re.lane(l); oim[o + l] = im.lane(l); }
            }
        }
    }
}
