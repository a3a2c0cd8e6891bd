package dev.segue.dsp.spectral;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float64 twin of {@link FloatBatchFft} (generated from it by type substitution: keep the two in step): real FFTs
 * of L frames at once in float64 lanes (L = 8 with AVX-512), frame l in lane l, loaded from a float64 column layout
 * of the (padded) signal (Stft.Columns; no gathers: JDK 17 does not intrinsify float64 gathers), the window applied in
 * float64 as librosa does; radix-4 Stockham passes on the n/2 packed complex values,
 * then the real-FFT unpack. Power-of-two n >= 16, unnormalised (numpy.fft.rfft). For the features whose log-domain
 * outputs need full precision on bands far below the frame's peak (MFCC, log-mel, the MusiCNN front end) and for the
 * per-frame float64 API ({@link Stft#forEachFrame}). Only loaded when the Vector API is present; one instance per
 * thread. Reference: one JTransforms float64 FFT per frame (Stft.forEachFrameScalar).
 */
final class DoubleBatchFft {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();

    final int n, m;
    private final int nStages;
    private final int[] len, stride;
    private final double[][] w1r, w1i, w2r, w2i, w3r, w3i;
    private static final double HALF = 0.5;
    private final double[] postC, postS, win;
    private final double[] ar, ai, br, bi;
    /** Output of {@link #unpack()}: bin k of lane l at [k * L + l]. */
    final double[] outRe, outIm;
    /** Where the last transform's complex spectrum (n/2 values, lane-interleaved) ended up. */
    private double[] zr, zi;

    /**
     * @param w the analysis window of length n (zeros outside the window support)
     */
    DoubleBatchFft(int n, double[] w) {
        if (!supports(n)) throw new IllegalArgumentException("DoubleBatchFft: n=" + n);
        this.n = n;
        this.m = n / 2;
        int st = 0;
        for (int l = m; l > 1; l = l >= 4 ? l / 4 : l / 2) st++;
        nStages = st;
        len = new int[st];
        stride = new int[st];
        w1r = new double[st][]; w1i = new double[st][]; w2r = new double[st][]; w2i = new double[st][]; w3r = new double[st][]; w3i = new double[st][];
        for (int i = 0, l = m, s = 1; l > 1; i++) {
            len[i] = l;
            stride[i] = s;
            if (l >= 4) {
                int q = l / 4;
                w1r[i] = new double[q]; w1i[i] = new double[q]; w2r[i] = new double[q]; w2i[i] = new double[q]; w3r[i] = new double[q]; w3i[i] = new double[q];
                for (int p = 0; p < q; p++) {
                    w1r[i][p] = cos(p, l); w1i[i][p] = -sin(p, l);
                    w2r[i][p] = cos(2L * p, l); w2i[i][p] = -sin(2L * p, l);
                    w3r[i][p] = cos(3L * p, l); w3i[i][p] = -sin(3L * p, l);
                }
                l /= 4;
                s *= 4;
            } else {
                l /= 2;
                s *= 2;
            }
        }
        postC = new double[m + 1];
        postS = new double[m + 1];
        for (int k = 0; k <= m; k++) {
            postC[k] = (0.5 * cos(k, n));
            postS[k] = (-0.5 * sin(k, n));
        }
        postS[0] = 0; // +0: the DC and Nyquist bins come out with an exactly zero (positive) imaginary part
        postS[m] = 0;
        win = new double[n];
        System.arraycopy(w, 0, win, 0, n);
        ar = new double[m * L]; ai = new double[m * L]; br = new double[m * L]; bi = new double[m * L];
        outRe = new double[(m + 1) * L];
        outIm = new double[(m + 1) * L];
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
     * with {@link #unpack()} or {@link #unpackPower(double[])}.
     */
    void transform(double[] src, int[] off, int base) {
        loadFirstStage(src, off, base);
        double[] xr = br, xi = bi, yr = ar, yi = ai;
        for (int st = 1; st < nStages; st++) {
            if (len[st] >= 4) radix4(st, xr, xi, yr, yi); else radix2(stride[st], xr, xi, yr, yi);
            double[] t = xr; xr = yr; yr = t;
            t = xi; xi = yi; yi = t;
        }
        zr = xr;
        zi = xi;
    }

    /** The first radix-4 pass (len m, stride 1), reading the windowed frames from src into br/bi. */
    private void loadFirstStage(double[] src, int[] off, int base) {
        int q = m / 4;
        double[] c1 = w1r[0], s1 = w1i[0], c2 = w2r[0], s2 = w2i[0], c3 = w3r[0], s3 = w3i[0];
        double[] yr = br, yi = bi;
        for (int p = 0; p < q; p++) {
            int t0 = 2 * p, t1 = 2 * (p + q), t2 = 2 * (p + 2 * q), t3 = 2 * (p + 3 * q);
            DoubleVector a0 = DoubleVector.fromArray(S, src, off[t0] + base).mul(win[t0]);
            DoubleVector a1 = DoubleVector.fromArray(S, src, off[t0 + 1] + base).mul(win[t0 + 1]);
            DoubleVector b0 = DoubleVector.fromArray(S, src, off[t1] + base).mul(win[t1]);
            DoubleVector b1 = DoubleVector.fromArray(S, src, off[t1 + 1] + base).mul(win[t1 + 1]);
            DoubleVector c0 = DoubleVector.fromArray(S, src, off[t2] + base).mul(win[t2]);
            DoubleVector cI = DoubleVector.fromArray(S, src, off[t2 + 1] + base).mul(win[t2 + 1]);
            DoubleVector d0 = DoubleVector.fromArray(S, src, off[t3] + base).mul(win[t3]);
            DoubleVector d1 = DoubleVector.fromArray(S, src, off[t3 + 1] + base).mul(win[t3 + 1]);
            double wc1 = c1[p], ws1 = s1[p], wc2 = c2[p], ws2 = s2[p], wc3 = c3[p], ws3 = s3[p];
            DoubleVector vwc1 = DoubleVector.broadcast(S, wc1), vws1 = DoubleVector.broadcast(S, ws1), vnws1 = DoubleVector.broadcast(S, -ws1);
            DoubleVector vwc2 = DoubleVector.broadcast(S, wc2), vws2 = DoubleVector.broadcast(S, ws2), vnws2 = DoubleVector.broadcast(S, -ws2);
            DoubleVector vwc3 = DoubleVector.broadcast(S, wc3), vws3 = DoubleVector.broadcast(S, ws3), vnws3 = DoubleVector.broadcast(S, -ws3);
            int o = 4 * p * L, sL = L;
            DoubleVector apcR = a0.add(c0), apcI = a1.add(cI), amcR = a0.sub(c0), amcI = a1.sub(cI);
            DoubleVector bpdR = b0.add(d0), bpdI = b1.add(d1), bmdR = b0.sub(d0), bmdI = b1.sub(d1);
            apcR.add(bpdR).intoArray(yr, o);
            apcI.add(bpdI).intoArray(yi, o);
            // (amc - j bmd) * w1
            DoubleVector xR = amcR.add(bmdI), xI = amcI.sub(bmdR);
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

    private void radix4(int st, double[] xr, double[] xi, double[] yr, double[] yi) {
        int q = len[st] / 4, s = stride[st], sL = s * L;
        double[] c1 = w1r[st], s1 = w1i[st], c2 = w2r[st], s2 = w2i[st], c3 = w3r[st], s3 = w3i[st];
        for (int p = 0; p < q; p++) {
            double wc1 = c1[p], ws1 = s1[p], wc2 = c2[p], ws2 = s2[p], wc3 = c3[p], ws3 = s3[p];
            DoubleVector vwc1 = DoubleVector.broadcast(S, wc1), vws1 = DoubleVector.broadcast(S, ws1), vnws1 = DoubleVector.broadcast(S, -ws1);
            DoubleVector vwc2 = DoubleVector.broadcast(S, wc2), vws2 = DoubleVector.broadcast(S, ws2), vnws2 = DoubleVector.broadcast(S, -ws2);
            DoubleVector vwc3 = DoubleVector.broadcast(S, wc3), vws3 = DoubleVector.broadcast(S, ws3), vnws3 = DoubleVector.broadcast(S, -ws3);
            int ia = s * p * L, ib = s * (p + q) * L, ic = s * (p + 2 * q) * L, id = s * (p + 3 * q) * L, o = s * 4 * p * L;
            for (int j = 0; j < sL; j += L) {
                DoubleVector a0 = DoubleVector.fromArray(S, xr, ia + j), a1 = DoubleVector.fromArray(S, xi, ia + j);
                DoubleVector b0 = DoubleVector.fromArray(S, xr, ib + j), b1 = DoubleVector.fromArray(S, xi, ib + j);
                DoubleVector c0 = DoubleVector.fromArray(S, xr, ic + j), cI = DoubleVector.fromArray(S, xi, ic + j);
                DoubleVector d0 = DoubleVector.fromArray(S, xr, id + j), d1 = DoubleVector.fromArray(S, xi, id + j);
                int oj = o + j;
                DoubleVector apcR = a0.add(c0), apcI = a1.add(cI), amcR = a0.sub(c0), amcI = a1.sub(cI);
                DoubleVector bpdR = b0.add(d0), bpdI = b1.add(d1), bmdR = b0.sub(d0), bmdI = b1.sub(d1);
                apcR.add(bpdR).intoArray(yr, oj);
                apcI.add(bpdI).intoArray(yi, oj);
                // (amc - j bmd) * w1
                DoubleVector xR = amcR.add(bmdI), xI = amcI.sub(bmdR);
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
    private void radix2(int s, double[] xr, double[] xi, double[] yr, double[] yi) {
        int sL = s * L;
        for (int j = 0; j < sL; j += L) {
            DoubleVector a0 = DoubleVector.fromArray(S, xr, j), a1 = DoubleVector.fromArray(S, xi, j);
            DoubleVector b0 = DoubleVector.fromArray(S, xr, sL + j), b1 = DoubleVector.fromArray(S, xi, sL + j);
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
    void unpackInto(double[] re, double[] im, int reOff, int imOff, int rowStride) {
        double[] xr = zr, xi = zi;
        // bins k and m - k share their inputs (A = Z[k], B = Z[m-k] swap roles): one pass over the pairs
        for (int k = 0; k <= m / 2; k++) {
            int k2 = m - k;
            int a = k * L, b = (k == 0 ? 0 : k2) * L;
            DoubleVector zar = DoubleVector.fromArray(S, xr, a), zai = DoubleVector.fromArray(S, xi, a);
            DoubleVector zbr = DoubleVector.fromArray(S, xr, b), zbi = DoubleVector.fromArray(S, xi, b);
            // e = (A + conj B) / 2, o = (A - conj B) / (2 i); the tables carry the 1/2
            DoubleVector er = zar.add(zbr).mul(HALF), ei = zai.sub(zbi).mul(HALF), or = zai.add(zbi), oi = zbr.sub(zar);
            DoubleVector c = DoubleVector.broadcast(S, postC[k]), s = DoubleVector.broadcast(S, postS[k]);
            or.fma(c, er).sub(oi.mul(s)).intoArray(re, reOff + k * rowStride);
            oi.fma(c, ei).add(or.mul(s)).intoArray(im, imOff + k * rowStride);
            if (k2 != k) { // X[m-k]: e -> conj e, o -> conj-ish (or, -oi)
                DoubleVector c2 = DoubleVector.broadcast(S, postC[k2]), s2 = DoubleVector.broadcast(S, postS[k2]);
                or.fma(c2, er).add(oi.mul(s2)).intoArray(re, reOff + k2 * rowStride);
                or.fma(s2, ei.neg()).sub(oi.mul(c2)).intoArray(im, imOff + k2 * rowStride);
            }
        }
    }

    /** |X[k]|^2 of every bin into p[k * L + l]. */
    void unpackPower(double[] p) {
        double[] xr = zr, xi = zi;
        for (int k = 0; k <= m / 2; k++) {
            int k2 = m - k;
            int a = k * L, b = (k == 0 ? 0 : k2) * L;
            DoubleVector zar = DoubleVector.fromArray(S, xr, a), zai = DoubleVector.fromArray(S, xi, a);
            DoubleVector zbr = DoubleVector.fromArray(S, xr, b), zbi = DoubleVector.fromArray(S, xi, b);
            DoubleVector er = zar.add(zbr).mul(HALF), ei = zai.sub(zbi).mul(HALF), or = zai.add(zbi), oi = zbr.sub(zar);
            DoubleVector c = DoubleVector.broadcast(S, postC[k]), s = DoubleVector.broadcast(S, postS[k]);
            DoubleVector xrV = or.fma(c, er).sub(oi.mul(s)), xiV = oi.fma(c, ei).add(or.mul(s));
            xrV.fma(xrV, xiV.mul(xiV)).intoArray(p, k * L);
            if (k2 != k) {
                DoubleVector c2 = DoubleVector.broadcast(S, postC[k2]), s2 = DoubleVector.broadcast(S, postS[k2]);
                xrV = or.fma(c2, er).add(oi.mul(s2));
                xiV = or.fma(s2, ei.neg()).sub(oi.mul(c2));
                xrV.fma(xrV, xiV.mul(xiV)).intoArray(p, k2 * L);
            }
        }
    }
}
