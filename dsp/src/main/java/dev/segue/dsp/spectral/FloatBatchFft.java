package dev.segue.dsp.spectral;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Real FFTs of L frames at once in float32 (L = the float SIMD width, 16 with AVX-512): frame l lives in lane l, so
 * every butterfly is one vector operation with no shuffles. The n real samples are packed as n/2 complex values, which
 * go through a radix-4 Stockham (autosort) FFT (one radix-2 pass when log2(n/2) is odd) whose first pass reads the
 * frames from a column layout of the signal (Stft.Columns: plain vector loads, no gathers; the window applied on the fly); a post pass unpacks the
 * 1 + n/2 bins of the real transform. Power-of-two n >= 16, exp(-2 pi i k t / n), unnormalised (numpy.fft.rfft).
 * Twiddles are computed in float64 and rounded once. Only loaded when the Vector API is present; one instance per
 * thread (it owns its work buffers). Reference: one JTransforms float64 FFT per frame (Stft.forEachFrameScalar).
 */
final class FloatBatchFft {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    final int n, m;
    private final int nStages;
    private final int[] len, stride;
    private final float[][] w1r, w1i, w2r, w2i, w3r, w3i;
    private static final float HALF = 0.5f;
    private final float[] postC, postS, win;
    private final float[] ar, ai, br, bi;
    /** Output of {@link #unpack()}: bin k of lane l at [k * L + l]. */
    final float[] outRe, outIm;
    /** Where the last transform's complex spectrum (n/2 values, lane-interleaved) ended up. */
    private float[] zr, zi;

    /**
     * @param w the analysis window of length n (zeros outside the window support)
     */
    FloatBatchFft(int n, double[] w) {
        if (!supports(n)) throw new IllegalArgumentException("FloatBatchFft: n=" + n);
        this.n = n;
        this.m = n / 2;
        int st = 0;
        for (int l = m; l > 1; l = l >= 4 ? l / 4 : l / 2) st++;
        nStages = st;
        len = new int[st];
        stride = new int[st];
        w1r = new float[st][]; w1i = new float[st][]; w2r = new float[st][]; w2i = new float[st][]; w3r = new float[st][]; w3i = new float[st][];
        for (int i = 0, l = m, s = 1; l > 1; i++) {
            len[i] = l;
            stride[i] = s;
            if (l >= 4) {
                int q = l / 4;
                w1r[i] = new float[q]; w1i[i] = new float[q]; w2r[i] = new float[q]; w2i[i] = new float[q]; w3r[i] = new float[q]; w3i[i] = new float[q];
                for (int p = 0; p < q; p++) {
                    w1r[i][p] = (float) cos(p, l); w1i[i][p] = (float) -sin(p, l);
                    w2r[i][p] = (float) cos(2L * p, l); w2i[i][p] = (float) -sin(2L * p, l);
                    w3r[i][p] = (float) cos(3L * p, l); w3i[i][p] = (float) -sin(3L * p, l);
                }
                l /= 4;
                s *= 4;
            } else {
                l /= 2;
                s *= 2;
            }
        }
        postC = new float[m + 1];
        postS = new float[m + 1];
        for (int k = 0; k <= m; k++) {
            postC[k] = (float) (0.5 * cos(k, n));
            postS[k] = (float) (-0.5 * sin(k, n));
        }
        postS[0] = 0f; // +0: the DC and Nyquist bins come out with an exactly zero (positive) imaginary part
        postS[m] = 0f;
        win = new float[n];
        for (int i = 0; i < n; i++) win[i] = (float) w[i];
        ar = new float[m * L]; ai = new float[m * L]; br = new float[m * L]; bi = new float[m * L];
        outRe = new float[(m + 1) * L];
        outIm = new float[(m + 1) * L];
    }

    /** out[o + c * rows + j] = y[src + j * hop + c] for j < L, c < hop: L signal rows transposed, one gather per column. */
    static void gatherRows(float[] y, int src, int hop, float[] out, int o, int rows, int[] idx) {
        for (int c = 0; c < hop; c++) FloatVector.fromArray(S, y, src + c, idx, 0).intoArray(out, o + c * rows);
    }

    /** Whether one float vector widens into exactly two float64 vectors (for {@link #gatherRowsWiden}). */
    static final boolean WIDENS = 2 * jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length() == L;

    /** As {@link #gatherRows} into a float64 layout (each gathered vector widened into two). */
    static void gatherRowsWiden(float[] y, int src, int hop, double[] out, int o, int rows, int[] idx) {
        jdk.incubator.vector.VectorSpecies<Double> ds = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED;
        int half = ds.length();
        for (int c = 0; c < hop; c++) {
            FloatVector v = FloatVector.fromArray(S, y, src + c, idx, 0);
            ((jdk.incubator.vector.DoubleVector) v.convertShape(jdk.incubator.vector.VectorOperators.F2D, ds, 0)).intoArray(out, o + c * rows);
            ((jdk.incubator.vector.DoubleVector) v.convertShape(jdk.incubator.vector.VectorOperators.F2D, ds, 1)).intoArray(out, o + c * rows + half);
        }
    }

    static boolean supports(int n) { return n >= 16 && Integer.bitCount(n) == 1; }

    /** cos(2 pi k / n), exact at the quarter turns and symmetric (from the first octant). */
    static double cos(long k, long n) { return sinCos(k, n, true); }

    static double sin(long k, long n) { return sinCos(k, n, false); }

    private static double sinCos(long k, long n, boolean cos) {
        k = Math.floorMod(k, n);
        if (n % 4 != 0) {
            double a = 2 * Math.PI * k / n;
            return cos ? Math.cos(a) : Math.sin(a);
        }
        long q4 = n / 4;
        int quad = (int) (k / q4);
        long kq = k - quad * q4;               // angle within the quadrant: 2 pi kq / n in [0, pi/2)
        boolean swap = 2 * kq > q4;            // above pi/4: from the complement
        double th = 2 * Math.PI * (swap ? q4 - kq : kq) / n;
        double c = Math.cos(th), s = Math.sin(th);
        if (swap) { double t = c; c = s; s = t; }
        switch (quad) {
            case 0: return cos ? c : s;
            case 1: return cos ? -s : c;
            case 2: return cos ? -c : -s;
            default: return cos ? s : -c;
        }
    }

    /**
     * Transforms the L frames whose sample t of lane l is src[off[t] + base + l] (a column layout of the signal, see
     * Stft.Columns: the L lanes' samples are contiguous, so each is one plain vector load), times the window. Follow
     * with {@link #unpack()}, {@link #unpackInto} or {@link #unpackPower(float[])}.
     */
    void transform(float[] src, int[] off, int base) {
        loadFirstStage(src, off, base);
        float[] xr = br, xi = bi, yr = ar, yi = ai;
        for (int st = 1; st < nStages; st++) {
            if (len[st] >= 4) radix4(st, xr, xi, yr, yi); else radix2(stride[st], xr, xi, yr, yi);
            float[] t = xr; xr = yr; yr = t;
            t = xi; xi = yi; yi = t;
        }
        zr = xr;
        zi = xi;
    }

    /** The first radix-4 pass (len m, stride 1), reading the windowed frames from src into br/bi. */
    private void loadFirstStage(float[] src, int[] off, int base) {
        int q = m / 4;
        float[] c1 = w1r[0], s1 = w1i[0], c2 = w2r[0], s2 = w2i[0], c3 = w3r[0], s3 = w3i[0];
        float[] yr = br, yi = bi;
        for (int p = 0; p < q; p++) {
            int t0 = 2 * p, t1 = 2 * (p + q), t2 = 2 * (p + 2 * q), t3 = 2 * (p + 3 * q);
            FloatVector a0 = FloatVector.fromArray(S, src, off[t0] + base).mul(win[t0]);
            FloatVector a1 = FloatVector.fromArray(S, src, off[t0 + 1] + base).mul(win[t0 + 1]);
            FloatVector b0 = FloatVector.fromArray(S, src, off[t1] + base).mul(win[t1]);
            FloatVector b1 = FloatVector.fromArray(S, src, off[t1 + 1] + base).mul(win[t1 + 1]);
            FloatVector c0 = FloatVector.fromArray(S, src, off[t2] + base).mul(win[t2]);
            FloatVector cI = FloatVector.fromArray(S, src, off[t2 + 1] + base).mul(win[t2 + 1]);
            FloatVector d0 = FloatVector.fromArray(S, src, off[t3] + base).mul(win[t3]);
            FloatVector d1 = FloatVector.fromArray(S, src, off[t3 + 1] + base).mul(win[t3 + 1]);
            float wc1 = c1[p], ws1 = s1[p], wc2 = c2[p], ws2 = s2[p], wc3 = c3[p], ws3 = s3[p];
            FloatVector vwc1 = FloatVector.broadcast(S, wc1), vws1 = FloatVector.broadcast(S, ws1), vnws1 = FloatVector.broadcast(S, -ws1);
            FloatVector vwc2 = FloatVector.broadcast(S, wc2), vws2 = FloatVector.broadcast(S, ws2), vnws2 = FloatVector.broadcast(S, -ws2);
            FloatVector vwc3 = FloatVector.broadcast(S, wc3), vws3 = FloatVector.broadcast(S, ws3), vnws3 = FloatVector.broadcast(S, -ws3);
            int o = 4 * p * L, sL = L;
            FloatVector apcR = a0.add(c0), apcI = a1.add(cI), amcR = a0.sub(c0), amcI = a1.sub(cI);
            FloatVector bpdR = b0.add(d0), bpdI = b1.add(d1), bmdR = b0.sub(d0), bmdI = b1.sub(d1);
            apcR.add(bpdR).intoArray(yr, o);
            apcI.add(bpdI).intoArray(yi, o);
            // (amc - j bmd) * w1
            FloatVector xR = amcR.add(bmdI), xI = amcI.sub(bmdR);
            xR.fma(vwc1, xI.mul(vnws1)).intoArray(yr, o + sL);
            xR.fma(vws1, xI.mul(vwc1)).intoArray(yi, o + sL);
            // (apc - bpd) * w2
            xR = apcR.sub(bpdR);
            xI = apcI.sub(bpdI);
            xR.fma(vwc2, xI.mul(vnws2)).intoArray(yr, o + 2 * sL);
            xR.fma(vws2, xI.mul(vwc2)).intoArray(yi, o + 2 * sL);
            // (amc + j bmd) * w3
            xR = amcR.sub(bmdI);
            xI = amcI.add(bmdR);
            xR.fma(vwc3, xI.mul(vnws3)).intoArray(yr, o + 3 * sL);
            xR.fma(vws3, xI.mul(vwc3)).intoArray(yi, o + 3 * sL);
        }
    }

    private void radix4(int st, float[] xr, float[] xi, float[] yr, float[] yi) {
        int q = len[st] / 4, s = stride[st], sL = s * L;
        float[] c1 = w1r[st], s1 = w1i[st], c2 = w2r[st], s2 = w2i[st], c3 = w3r[st], s3 = w3i[st];
        for (int p = 0; p < q; p++) {
            float wc1 = c1[p], ws1 = s1[p], wc2 = c2[p], ws2 = s2[p], wc3 = c3[p], ws3 = s3[p];
            FloatVector vwc1 = FloatVector.broadcast(S, wc1), vws1 = FloatVector.broadcast(S, ws1), vnws1 = FloatVector.broadcast(S, -ws1);
            FloatVector vwc2 = FloatVector.broadcast(S, wc2), vws2 = FloatVector.broadcast(S, ws2), vnws2 = FloatVector.broadcast(S, -ws2);
            FloatVector vwc3 = FloatVector.broadcast(S, wc3), vws3 = FloatVector.broadcast(S, ws3), vnws3 = FloatVector.broadcast(S, -ws3);
            int ia = s * p * L, ib = s * (p + q) * L, ic = s * (p + 2 * q) * L, id = s * (p + 3 * q) * L, o = s * 4 * p * L;
            for (int j = 0; j < sL; j += L) {
                FloatVector a0 = FloatVector.fromArray(S, xr, ia + j), a1 = FloatVector.fromArray(S, xi, ia + j);
                FloatVector b0 = FloatVector.fromArray(S, xr, ib + j), b1 = FloatVector.fromArray(S, xi, ib + j);
                FloatVector c0 = FloatVector.fromArray(S, xr, ic + j), cI = FloatVector.fromArray(S, xi, ic + j);
                FloatVector d0 = FloatVector.fromArray(S, xr, id + j), d1 = FloatVector.fromArray(S, xi, id + j);
                int oj = o + j;
                FloatVector apcR = a0.add(c0), apcI = a1.add(cI), amcR = a0.sub(c0), amcI = a1.sub(cI);
                FloatVector bpdR = b0.add(d0), bpdI = b1.add(d1), bmdR = b0.sub(d0), bmdI = b1.sub(d1);
                apcR.add(bpdR).intoArray(yr, oj);
                apcI.add(bpdI).intoArray(yi, oj);
                // (amc - j bmd) * w1
                FloatVector xR = amcR.add(bmdI), xI = amcI.sub(bmdR);
                xR.fma(vwc1, xI.mul(vnws1)).intoArray(yr, oj + sL);
                xR.fma(vws1, xI.mul(vwc1)).intoArray(yi, oj + sL);
                // (apc - bpd) * w2
                xR = apcR.sub(bpdR);
                xI = apcI.sub(bpdI);
                xR.fma(vwc2, xI.mul(vnws2)).intoArray(yr, oj + 2 * sL);
                xR.fma(vws2, xI.mul(vwc2)).intoArray(yi, oj + 2 * sL);
                // (amc + j bmd) * w3
                xR = amcR.sub(bmdI);
                xI = amcI.add(bmdR);
                xR.fma(vwc3, xI.mul(vnws3)).intoArray(yr, oj + 3 * sL);
                xR.fma(vws3, xI.mul(vwc3)).intoArray(yi, oj + 3 * sL);
            }
        }
    }

    /** The last pass when log2(m) is odd: len 2, stride m/2, no twiddles. */
    private void radix2(int s, float[] xr, float[] xi, float[] yr, float[] yi) {
        int sL = s * L;
        for (int j = 0; j < sL; j += L) {
            FloatVector a0 = FloatVector.fromArray(S, xr, j), a1 = FloatVector.fromArray(S, xi, j);
            FloatVector b0 = FloatVector.fromArray(S, xr, sL + j), b1 = FloatVector.fromArray(S, xi, sL + j);
            a0.add(b0).intoArray(yr, j);
            a1.add(b1).intoArray(yi, j);
            a0.sub(b0).intoArray(yr, sL + j);
            a1.sub(b1).intoArray(yi, sL + j);
        }
    }

    /**
     * Bin k of the real transform from the half-size complex spectrum Z:
     * X[k] = (Z[k] + conj Z[m-k]) / 2 - i/2 e^{-2 pi i k / n} (Z[k] - conj Z[m-k]).
     */
    void unpack() {
        unpackInto(outRe, outIm, 0, 0, L);
    }

    /** As {@link #unpack()}, bin k of lane l written to re[reOff + k * rowStride + l], im[imOff + k * rowStride + l]. */
    void unpackInto(float[] re, float[] im, int reOff, int imOff, int rowStride) {
        float[] xr = zr, xi = zi;
        // bins k and m - k share their inputs (A = Z[k], B = Z[m-k] swap roles): one pass over the pairs
        for (int k = 0; k <= m / 2; k++) {
            int k2 = m - k;
            int a = k * L, b = (k == 0 ? 0 : k2) * L;
            FloatVector zar = FloatVector.fromArray(S, xr, a), zai = FloatVector.fromArray(S, xi, a);
            FloatVector zbr = FloatVector.fromArray(S, xr, b), zbi = FloatVector.fromArray(S, xi, b);
            // e = (A + conj B) / 2, o = (A - conj B) / (2 i); the tables carry the 1/2
            FloatVector er = zar.add(zbr).mul(HALF), ei = zai.sub(zbi).mul(HALF), or = zai.add(zbi), oi = zbr.sub(zar);
            FloatVector c = FloatVector.broadcast(S, postC[k]), s = FloatVector.broadcast(S, postS[k]);
            or.fma(c, er).sub(oi.mul(s)).intoArray(re, reOff + k * rowStride);
            oi.fma(c, ei).add(or.mul(s)).intoArray(im, imOff + k * rowStride);
            if (k2 != k) { // X[m-k]: e -> conj e, o -> conj-ish (or, -oi)
                FloatVector c2 = FloatVector.broadcast(S, postC[k2]), s2 = FloatVector.broadcast(S, postS[k2]);
                or.fma(c2, er).add(oi.mul(s2)).intoArray(re, reOff + k2 * rowStride);
                or.fma(s2, ei.neg()).sub(oi.mul(c2)).intoArray(im, imOff + k2 * rowStride);
            }
        }
    }

    /** |X[k]|^2 of every bin into p[k * L + l]. */
    void unpackPower(float[] p) {
        float[] xr = zr, xi = zi;
        for (int k = 0; k <= m / 2; k++) {
            int k2 = m - k;
            int a = k * L, b = (k == 0 ? 0 : k2) * L;
            FloatVector zar = FloatVector.fromArray(S, xr, a), zai = FloatVector.fromArray(S, xi, a);
            FloatVector zbr = FloatVector.fromArray(S, xr, b), zbi = FloatVector.fromArray(S, xi, b);
            FloatVector er = zar.add(zbr).mul(HALF), ei = zai.sub(zbi).mul(HALF), or = zai.add(zbi), oi = zbr.sub(zar);
            FloatVector c = FloatVector.broadcast(S, postC[k]), s = FloatVector.broadcast(S, postS[k]);
            FloatVector xrV = or.fma(c, er).sub(oi.mul(s)), xiV = oi.fma(c, ei).add(or.mul(s));
            xrV.fma(xrV, xiV.mul(xiV)).intoArray(p, k * L);
            if (k2 != k) {
                FloatVector c2 = FloatVector.broadcast(S, postC[k2]), s2 = FloatVector.broadcast(S, postS[k2]);
                xrV = or.fma(c2, er).add(oi.mul(s2));
                xiV = or.fma(s2, ei.neg()).sub(oi.mul(c2));
                xrV.fma(xrV, xiV.mul(xiV)).intoArray(p, k2 * L);
            }
        }
    }
}
