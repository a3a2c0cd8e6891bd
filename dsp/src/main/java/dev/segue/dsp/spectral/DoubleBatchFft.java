package dev.segue.dsp.spectral;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float64 twin of {@link FloatBatchFft} (the same code with the element type substituted, the shared plan in
 * {@link BatchFftPlan}: keep the two in step): real FFTs of L frames at once in float64 lanes (L = 8 with AVX-512),
 * frame l in lane l, loaded from a float64 column layout of the (padded) signal (Stft.Columns; no gathers: JDK 17 does
 * not intrinsify float64 gathers), the window applied in float64 as librosa does; blocked in-place radix-4
 * decimation-in-frequency passes on the n/2 packed complex values, then the real-FFT unpack. Power-of-two n >= 16,
 * unnormalised (numpy.fft.rfft). For the features whose log-domain outputs need full precision on bands far below the
 * frame's peak (MFCC, log-mel, the MusiCNN front end) and for the per-frame float64 API ({@link Stft#forEachFrame}).
 * Only loaded when the Vector API is present; one instance per thread. Reference: one JTransforms float64 FFT per
 * frame (Stft.forEachFrameScalar).
 */
final class DoubleBatchFft {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();

    final int n, m;
    private final int[] len, schedule, zpos;
    private final double[][] w1r, w1i, w2r, w2i, w3r, w3i;
    private static final double HALF = 0.5;
    private final double[] postC, postS, win;
    /** The transform's work array (n/2 complex values, lane-interleaved, in place; frequency k at zpos[k]). */
    private final double[] zr, zi;
    /** Output of {@link #unpack()}: bin k of lane l at [k * L + l]. */
    final double[] outRe, outIm;

    /**
     * @param w the analysis window of length n (zeros outside the window support)
     */
    DoubleBatchFft(int n, double[] w) {
        if (!supports(n)) throw new IllegalArgumentException("DoubleBatchFft: n=" + n);
        BatchFftPlan plan = new BatchFftPlan(n);
        this.n = n;
        this.m = n / 2;
        len = plan.len;
        schedule = plan.schedule;
        zpos = new int[m];
        for (int k = 0; k < m; k++) zpos[k] = plan.zpos[k] * L;
        w1r = plan.w1r; w1i = plan.w1i;
        w2r = plan.w2r; w2i = plan.w2i;
        w3r = plan.w3r; w3i = plan.w3i;
        postC = plan.postC;
        postS = plan.postS;
        win = w.clone();
        zr = new double[m * L]; zi = new double[m * L];
        outRe = new double[(m + 1) * L];
        outIm = new double[(m + 1) * L];
    }

    static boolean supports(int n) { return BatchFftPlan.supports(n); }

    /**
     * Transforms the L frames whose sample t of lane l is src[off[t] + base + l] (a column layout of the signal, see
     * Stft.Columns: the L lanes' samples are contiguous, so each is one plain vector load), times the window. Follow
     * with {@link #unpack()}, {@link #unpackInto} or {@link #unpackPower(double[])}.
     */
    void transform(double[] src, int[] off, int base) {
        loadFirstStage(src, off, base);
        double[] xr = zr, xi = zi;
        int[] sch = schedule;
        for (int i = 0; i < sch.length; i += 3) {
            int st = sch[i];
            if (len[st] >= 4) radix4(st, xr, xi, sch[i + 1] * L, sch[i + 2] * L); else radix2(xr, xi, sch[i + 1] * L, sch[i + 2] * L);
        }
    }

    /** The first radix-4 pass (len m), reading the windowed frames from src into zr/zi. */
    private void loadFirstStage(double[] src, int[] off, int base) {
        int q = m / 4;
        double[] c1 = w1r[0], s1 = w1i[0], c2 = w2r[0], s2 = w2i[0], c3 = w3r[0], s3 = w3i[0];
        double[] yr = zr, yi = zi;
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
            int o = p * L, sL = q * L;
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

    /** Stage st in place on the blocks of len[st] values in [from, to) (element offsets). */
    private void radix4(int st, double[] xr, double[] xi, int from, int to) {
        int l = len[st], q = l / 4, sL = q * L, lL = l * L;
        double[] c1 = w1r[st], s1 = w1i[st], c2 = w2r[st], s2 = w2i[st], c3 = w3r[st], s3 = w3i[st];
        for (int p = 0; p < q; p++) {
            double wc1 = c1[p], ws1 = s1[p], wc2 = c2[p], ws2 = s2[p], wc3 = c3[p], ws3 = s3[p];
            DoubleVector vwc1 = DoubleVector.broadcast(S, wc1), vws1 = DoubleVector.broadcast(S, ws1), vnws1 = DoubleVector.broadcast(S, -ws1);
            DoubleVector vwc2 = DoubleVector.broadcast(S, wc2), vws2 = DoubleVector.broadcast(S, ws2), vnws2 = DoubleVector.broadcast(S, -ws2);
            DoubleVector vwc3 = DoubleVector.broadcast(S, wc3), vws3 = DoubleVector.broadcast(S, ws3), vnws3 = DoubleVector.broadcast(S, -ws3);
            for (int oj = from + p * L; oj < to; oj += lL) {
                DoubleVector a0 = DoubleVector.fromArray(S, xr, oj), a1 = DoubleVector.fromArray(S, xi, oj);
                DoubleVector b0 = DoubleVector.fromArray(S, xr, oj + sL), b1 = DoubleVector.fromArray(S, xi, oj + sL);
                DoubleVector c0 = DoubleVector.fromArray(S, xr, oj + 2 * sL), cI = DoubleVector.fromArray(S, xi, oj + 2 * sL);
                DoubleVector d0 = DoubleVector.fromArray(S, xr, oj + 3 * sL), d1 = DoubleVector.fromArray(S, xi, oj + 3 * sL);
                DoubleVector apcR = a0.add(c0), apcI = a1.add(cI), amcR = a0.sub(c0), amcI = a1.sub(cI);
                DoubleVector bpdR = b0.add(d0), bpdI = b1.add(d1), bmdR = b0.sub(d0), bmdI = b1.sub(d1);
                apcR.add(bpdR).intoArray(xr, oj);
                apcI.add(bpdI).intoArray(xi, oj);
                // (amc - j bmd) * w1
                DoubleVector xR = amcR.add(bmdI), xI = amcI.sub(bmdR);
                xR.fma(vwc1, xI.mul(vnws1)).intoArray(xr, oj + sL);
                xR.fma(vws1, xI.mul(vwc1)).intoArray(xi, oj + sL);
                // (apc - bpd) * w2
                xR = apcR.sub(bpdR);
                xI = apcI.sub(bpdI);
                xR.fma(vwc2, xI.mul(vnws2)).intoArray(xr, oj + 2 * sL);
                xR.fma(vws2, xI.mul(vwc2)).intoArray(xi, oj + 2 * sL);
                // (amc + j bmd) * w3
                xR = amcR.sub(bmdI);
                xI = amcI.add(bmdR);
                xR.fma(vwc3, xI.mul(vnws3)).intoArray(xr, oj + 3 * sL);
                xR.fma(vws3, xI.mul(vwc3)).intoArray(xi, oj + 3 * sL);
            }
        }
    }

    /** The last stage when log2(m) is odd: blocks of 2 values in [from, to), no twiddles. */
    private void radix2(double[] xr, double[] xi, int from, int to) {
        for (int j = from; j < to; j += 2 * L) {
            DoubleVector a0 = DoubleVector.fromArray(S, xr, j), a1 = DoubleVector.fromArray(S, xi, j);
            DoubleVector b0 = DoubleVector.fromArray(S, xr, j + L), b1 = DoubleVector.fromArray(S, xi, j + L);
            a0.add(b0).intoArray(xr, j);
            a1.add(b1).intoArray(xi, j);
            a0.sub(b0).intoArray(xr, j + L);
            a1.sub(b1).intoArray(xi, j + L);
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
            int a = zpos[k], b = zpos[k == 0 ? 0 : k2];
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
            int a = zpos[k], b = zpos[k == 0 ? 0 : k2];
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
