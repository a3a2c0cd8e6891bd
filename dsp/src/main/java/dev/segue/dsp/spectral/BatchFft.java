package dev.segue.dsp.spectral;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Real FFTs of L frames at once (L = the float64 SIMD width, 8 with AVX-512): frame l lives in lane l, so every
 * butterfly of a plain radix-2 Stockham FFT is one vector operation with no shuffles. Power-of-two n >= 16, float64,
 * exp(-2 pi i k t / n), unnormalised (numpy.fft.rfft). Only loaded when the Vector API is present; one instance per
 * thread (it owns its work buffers).
 */
final class BatchFft {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private final int n, m;
    private final double[][] twRe, twIm;
    private final double[] postRe, postIm;
    private final double[] ar, ai, br, bi;
    /** The bins of the last transform: bin k of lane l at [k * L + l]. */
    final double[] outRe, outIm;

    BatchFft(int n) {
        this.n = n;
        this.m = n / 2;
        int stages = Integer.numberOfTrailingZeros(m);
        twRe = new double[stages][];
        twIm = new double[stages][];
        for (int st = 0, len = m; len > 1; st++, len /= 2) {
            int h = len / 2;
            twRe[st] = new double[h];
            twIm[st] = new double[h];
            for (int p = 0; p < h; p++) {
                double a = -2 * Math.PI * p / len;
                twRe[st][p] = Math.cos(a);
                twIm[st][p] = Math.sin(a);
            }
        }
        postRe = new double[m + 1];
        postIm = new double[m + 1];
        for (int k = 0; k <= m; k++) {
            double a = -2 * Math.PI * k / n;
            postRe[k] = Math.cos(a);
            postIm[k] = Math.sin(a);
        }
        ar = new double[m * L]; ai = new double[m * L]; br = new double[m * L]; bi = new double[m * L];
        outRe = new double[(m + 1) * L];
        outIm = new double[(m + 1) * L];
    }

    static boolean supports(int n) { return n >= 16 && Integer.bitCount(n) == 1; }

    /** Sets sample t (0 <= t < n) of lane l. */
    void set(int l, int t, double v) {
        int j = t >> 1;
        if ((t & 1) == 0) ar[j * L + l] = v; else ai[j * L + l] = v;
    }

    /** Transforms all L lanes; results in outRe/outIm. */
    void transform() {
        double[] xr = ar, xi = ai, yr = br, yi = bi;
        int s = 1, st = 0;
        for (int len = m; len > 1; len /= 2, s *= 2, st++) {
            int h = len / 2;
            double[] wr = twRe[st], wi = twIm[st];
            for (int p = 0; p < h; p++) {
                DoubleVector c = DoubleVector.broadcast(S, wr[p]), d = DoubleVector.broadcast(S, wi[p]);
                int ia = s * p * L, ib = s * (p + h) * L, o0 = s * 2 * p * L, o1 = o0 + s * L;
                for (int q = 0; q < s * L; q += L) {
                    DoubleVector a0 = DoubleVector.fromArray(S, xr, ia + q), a1 = DoubleVector.fromArray(S, xi, ia + q);
                    DoubleVector b0 = DoubleVector.fromArray(S, xr, ib + q), b1 = DoubleVector.fromArray(S, xi, ib + q);
                    a0.add(b0).intoArray(yr, o0 + q);
                    a1.add(b1).intoArray(yi, o0 + q);
                    DoubleVector dr = a0.sub(b0), di = a1.sub(b1);
                    dr.mul(c).sub(di.mul(d)).intoArray(yr, o1 + q);
                    dr.mul(d).add(di.mul(c)).intoArray(yi, o1 + q);
                }
            }
            double[] t = xr; xr = yr; yr = t;
            t = xi; xi = yi; yi = t;
        }
        DoubleVector half = DoubleVector.broadcast(S, 0.5);
        for (int k = 0; k <= m; k++) {
            int a = (k == m ? 0 : k) * L, b = (k == 0 ? 0 : m - k) * L;
            DoubleVector zar = DoubleVector.fromArray(S, xr, a), zai = DoubleVector.fromArray(S, xi, a);
            DoubleVector zbr = DoubleVector.fromArray(S, xr, b), zbi = DoubleVector.fromArray(S, xi, b);
            DoubleVector er = zar.add(zbr).mul(half), ei = zai.sub(zbi).mul(half);
            DoubleVector or = zai.add(zbi).mul(half), oi = zbr.sub(zar).mul(half);
            DoubleVector c = DoubleVector.broadcast(S, postRe[k]), d = DoubleVector.broadcast(S, postIm[k]);
            er.add(c.mul(or)).sub(d.mul(oi)).intoArray(outRe, k * L);
            ei.add(c.mul(oi)).add(d.mul(or)).intoArray(outIm, k * L);
        }
    }
}
