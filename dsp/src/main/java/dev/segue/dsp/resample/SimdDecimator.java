package dev.segue.dsp.resample;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Integer-factor decimation y[m] = sum_k taps[k] x[m*down + k0 + k] computing only the kept outputs, polyphase: the
 * signal is split once into its `down` phases P_r[i] = x[i*down + r + k0] (zeros outside the signal), so that
 * y[m] = sum_r sum_j taps[j*down + r] P_r[m + j] is a sum of contiguous, unit-stride vector FMAs over 8 x L outputs at a
 * time. float64 lanes, taps and accumulators (float32 accumulation of the 389-tap 2:1 filter drifts to ~1e-6 of the
 * peak, the integer-ratio fixtures' bit-faithful bound against libsoxr; float64 stays at its ~3e-7). Fixed summation order:
 * the same bits on every thread. Only loaded when the Vector API is present. References: {@link FftDecimator} (float64
 * overlap-save) and the direct tabulated path ({@link Resampler#resampleDirect}).
 */
final class SimdDecimator {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length(), R = 8;
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final int FL = FS.length();

    private final int down, k0, w, j;
    private final double[][] phaseTaps; // [r][jj] = taps[jj * down + r] (zero past the filter)
    private final float[][] phaseTapsF;

    SimdDecimator(double[] taps, int down, int k0) {
        this.down = down;
        this.k0 = k0;
        this.w = taps.length;
        this.j = (w + down - 1) / down;
        phaseTaps = new double[down][j];
        for (int k = 0; k < w; k++) phaseTaps[k % down][k / down] = taps[k];
        phaseTapsF = new float[down][j];
        for (int r = 0; r < down; r++)
            for (int i = 0; i < j; i++) phaseTapsF[r][i] = (float) phaseTaps[r][i];
    }

    /** [first, end) of the phase-r indices i whose source sample i*down + r + k0 lies inside a signal of n samples. */
    private int[] phaseRange(int n, int r, int plen) {
        long off = (long) r + k0;
        long first = off >= 0 ? 0 : (-off + down - 1) / down;
        long end = n - off <= 0 ? 0 : (n - off + down - 1) / down; // i*down + off < n
        first = Math.min(first, plen);
        end = Math.max(first, Math.min(end, plen));
        return new int[] {(int) first, (int) end};
    }

    float[] apply(float[] x, int nOut) {
        int block = R * L;
        int nPad = (nOut + block - 1) / block * block; // whole blocks; the extra outputs are dropped
        int plen = nPad + j;
        double[] y = new double[nPad];
        double[] ph = new double[plen];
        for (int r = 0; r < down; r++) {
            // P_r[i] = x[i*down + r + k0]
            int[] range = phaseRange(x.length, r, plen);
            java.util.Arrays.fill(ph, 0, range[0], 0.0);
            for (int i = range[0], src = i * down + r + k0; i < range[1]; i++, src += down) ph[i] = x[src];
            java.util.Arrays.fill(ph, range[1], plen, 0.0);
            double[] t = phaseTaps[r];
            boolean first = r == 0;
            for (int m0 = 0; m0 < nPad; m0 += block) {
                // R = 8 independent accumulators: enough to keep two FMA pipes busy through the FMA latency
                DoubleVector a0, a1, a2, a3, a4, a5, a6, a7;
                if (first) {
                    a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = DoubleVector.zero(S);
                } else {
                    a0 = DoubleVector.fromArray(S, y, m0); a1 = DoubleVector.fromArray(S, y, m0 + L);
                    a2 = DoubleVector.fromArray(S, y, m0 + 2 * L); a3 = DoubleVector.fromArray(S, y, m0 + 3 * L);
                    a4 = DoubleVector.fromArray(S, y, m0 + 4 * L); a5 = DoubleVector.fromArray(S, y, m0 + 5 * L);
                    a6 = DoubleVector.fromArray(S, y, m0 + 6 * L); a7 = DoubleVector.fromArray(S, y, m0 + 7 * L);
                }
                for (int jj = 0; jj < j; jj++) {
                    DoubleVector c = DoubleVector.broadcast(S, t[jj]);
                    int b = m0 + jj;
                    a0 = DoubleVector.fromArray(S, ph, b).fma(c, a0);
                    a1 = DoubleVector.fromArray(S, ph, b + L).fma(c, a1);
                    a2 = DoubleVector.fromArray(S, ph, b + 2 * L).fma(c, a2);
                    a3 = DoubleVector.fromArray(S, ph, b + 3 * L).fma(c, a3);
                    a4 = DoubleVector.fromArray(S, ph, b + 4 * L).fma(c, a4);
                    a5 = DoubleVector.fromArray(S, ph, b + 5 * L).fma(c, a5);
                    a6 = DoubleVector.fromArray(S, ph, b + 6 * L).fma(c, a6);
                    a7 = DoubleVector.fromArray(S, ph, b + 7 * L).fma(c, a7);
                }
                a0.intoArray(y, m0); a1.intoArray(y, m0 + L); a2.intoArray(y, m0 + 2 * L); a3.intoArray(y, m0 + 3 * L);
                a4.intoArray(y, m0 + 4 * L); a5.intoArray(y, m0 + 5 * L); a6.intoArray(y, m0 + 6 * L); a7.intoArray(y, m0 + 7 * L);
            }
        }
        float[] out = new float[nOut];
        for (int i = 0; i < nOut; i++) out[i] = (float) y[i];
        return out;
    }

    /** As {@link #apply} in float32 lanes, taps and accumulators (16 outputs per AVX-512 vector): half the loads. */
    float[] applyFloat(float[] x, int nOut) {
        int block = R * FL;
        int nPad = (nOut + block - 1) / block * block; // whole blocks; the extra outputs are dropped
        int plen = nPad + j;
        float[] y = new float[nPad];
        float[] ph = new float[plen];
        for (int r = 0; r < down; r++) {
            // P_r[i] = x[i*down + r + k0]
            int[] range = phaseRange(x.length, r, plen);
            java.util.Arrays.fill(ph, 0, range[0], 0f);
            for (int i = range[0], src = i * down + r + k0; i < range[1]; i++, src += down) ph[i] = x[src];
            java.util.Arrays.fill(ph, range[1], plen, 0f);
            float[] t = phaseTapsF[r];
            boolean first = r == 0;
            for (int m0 = 0; m0 < nPad; m0 += block) {
                // R = 8 independent accumulators: enough to keep two FMA pipes busy through the FMA latency
                FloatVector a0, a1, a2, a3, a4, a5, a6, a7;
                if (first) {
                    a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = FloatVector.zero(FS);
                } else {
                    a0 = FloatVector.fromArray(FS, y, m0); a1 = FloatVector.fromArray(FS, y, m0 + FL);
                    a2 = FloatVector.fromArray(FS, y, m0 + 2 * FL); a3 = FloatVector.fromArray(FS, y, m0 + 3 * FL);
                    a4 = FloatVector.fromArray(FS, y, m0 + 4 * FL); a5 = FloatVector.fromArray(FS, y, m0 + 5 * FL);
                    a6 = FloatVector.fromArray(FS, y, m0 + 6 * FL); a7 = FloatVector.fromArray(FS, y, m0 + 7 * FL);
                }
                for (int jj = 0; jj < j; jj++) {
                    FloatVector c = FloatVector.broadcast(FS, t[jj]);
                    int b = m0 + jj;
                    a0 = FloatVector.fromArray(FS, ph, b).fma(c, a0);
                    a1 = FloatVector.fromArray(FS, ph, b + FL).fma(c, a1);
                    a2 = FloatVector.fromArray(FS, ph, b + 2 * FL).fma(c, a2);
                    a3 = FloatVector.fromArray(FS, ph, b + 3 * FL).fma(c, a3);
                    a4 = FloatVector.fromArray(FS, ph, b + 4 * FL).fma(c, a4);
                    a5 = FloatVector.fromArray(FS, ph, b + 5 * FL).fma(c, a5);
                    a6 = FloatVector.fromArray(FS, ph, b + 6 * FL).fma(c, a6);
                    a7 = FloatVector.fromArray(FS, ph, b + 7 * FL).fma(c, a7);
                }
                a0.intoArray(y, m0); a1.intoArray(y, m0 + FL); a2.intoArray(y, m0 + 2 * FL); a3.intoArray(y, m0 + 3 * FL);
                a4.intoArray(y, m0 + 4 * FL); a5.intoArray(y, m0 + 5 * FL); a6.intoArray(y, m0 + 6 * FL); a7.intoArray(y, m0 + 7 * FL);
            }
        }
        return nPad == nOut ? y : java.util.Arrays.copyOf(y, nOut);
    }
}
