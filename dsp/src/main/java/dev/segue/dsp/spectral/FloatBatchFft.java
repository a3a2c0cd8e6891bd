package dev.segue.dsp.spectral;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Real FFTs of L frames at once in float32 (L = the float SIMD width, 16 with AVX-512): frame l lives in lane l, so
 * every butterfly is one vector operation with no shuffles. The n real samples are packed as n/2 complex values, which
 * go through radix-4 and radix-8 decimation-in-frequency passes in place, blocked so that each 32 KB sub-FFT runs all
 * its remaining passes in L1 ({@link BatchFftPlan}); the first pass reads the frames from a column layout of the
 * signal (Stft.Columns: plain vector loads, no gathers; the window applied on the fly); the unpack to the 1 + n/2 bins
 * of the real transform reads the digit-reversed spectrum through {@link BatchFftPlan#zpos}, quarter by quarter, each
 * right after that quarter's passes. Power-of-two n >= 16, exp(-2 pi i k t / n), unnormalised (numpy.fft.rfft).
 * Twiddles are computed in float64 and rounded once. Only loaded when the Vector API is present; one instance per
 * thread (it owns its work buffers). Reference: one JTransforms float64 FFT per frame (Stft.forEachFrameScalar).
 * {@link DoubleBatchFft} is its float64 twin, generated from this file (TwinSources in the tests; a test checks it).
 */
final class FloatBatchFft {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    final int n, m;
    private final int[] len, radix, zpos;
    private final int[][] schedule;
    /** Whether the last transform's passes after stage 0 are still to run (they run inside the unpack, see there). */
    private boolean pending;
    /** Twiddles of stage st, output k, p: twr[st][k-1][p] + i twi[st][k-1][p] (see {@link BatchFftPlan}). */
    private final float[][][] twr, twi;
    private static final float HALF = 0.5f;
    /** sqrt(1/2), for the 8-point butterflies' W8 rotations (a scalar operand: no vector live across the loops). */
    private static final float H = (float) Math.sqrt(0.5);
    private final float[] postC, postS, win;
    /** The transform's work array (n/2 complex values, lane-interleaved, transformed in place: frequency k ends at zpos[k]). */
    private final float[] zr, zi;
    /** Output of {@link #unpack()}: bin k of lane l at [k * L + l]. */
    final float[] outRe, outIm;

    /**
     * @param w the analysis window of length n (zeros outside the window support)
     */
    FloatBatchFft(int n, double[] w) {
        this(n, w, BatchFftPlan.RADIX8);
    }

    /** @param radix8 radix-8 stages where they fit (see {@link BatchFftPlan#RADIX8}) */
    FloatBatchFft(int n, double[] w, boolean radix8) {
        if (!supports(n)) throw new IllegalArgumentException("FloatBatchFft: n=" + n);
        BatchFftPlan plan = new BatchFftPlan(n, radix8);
        this.n = n;
        this.m = n / 2;
        len = plan.len;
        radix = plan.radix;
        schedule = plan.schedule;
        zpos = new int[m];
        for (int k = 0; k < m; k++) zpos[k] = plan.zpos[k] * L;
        twr = BatchFftPlan.toFloat(plan.twr);
        twi = BatchFftPlan.toFloat(plan.twi);
        postC = BatchFftPlan.toFloat(plan.postC);
        postS = BatchFftPlan.toFloat(plan.postS);
        win = new float[n];
        for (int i = 0; i < n; i++) win[i] = (float) w[i];
        zr = new float[m * L]; zi = new float[m * L];
        outRe = new float[(m + 1) * L];
        outIm = new float[(m + 1) * L];
    }

    /** Per-thread index vector of {@link #gatherRows} (lane l: l * hop). */
    static final ThreadLocal<int[]> GATHER_IDX = ThreadLocal.withInitial(() -> new int[L]);

    /** out[o + c * rows + j] = y[src + j * hop + c] for j < L, c < hop: L signal rows transposed, one gather per column. */
    static void gatherRows(float[] y, int src, int hop, float[] out, int o, int rows, int[] idx) {
        for (int c = 0; c < hop; c++) FloatVector.fromArray(S, y, src + c, idx, 0).intoArray(out, o + c * rows);
    }

    /** d[i] = f[i] for i < n (exact; the float64 FFT's column chunk, see Stft.Columns). A plain loop C2 vectorises. */
    static void widen(float[] f, double[] d, int n) {
        for (int i = 0; i < n; i++) d[i] = f[i];
    }

    static boolean supports(int n) { return BatchFftPlan.supports(n); }

    /**
     * Transforms the L frames whose sample t of lane l is src[off[t] + base + l] (a column layout of the signal, see
     * Stft.Columns: the L lanes' samples are contiguous, so each is one plain vector load), times the window. Follow
     * with one of {@link #unpack()}, {@link #unpackInto} or {@link #unpackPower}: only stage 0 runs here, the other
     * passes run inside the unpack, quarter by quarter, so that each group of bin pairs is unpacked while its quarters
     * are still in L1.
     */
    void transform(float[] src, int[] off, int base) {
        loadFirstStage(src, off, base);
        pending = true;
    }

    /** The passes after stage 0 on quarter b of the work array, if the transform's passes are pending. */
    private void passes(int b) {
        if (!pending) return;
        float[] xr = zr, xi = zi;
        int[] sch = schedule[b];
        for (int i = 0; i < sch.length; i += 3) {
            int st = sch[i], from = sch[i + 1] * L, to = sch[i + 2] * L;
            switch (radix[st]) {
                case 8 -> { if (len[st] == 8) radix8Last(xr, xi, from, to); else radix8(st, xr, xi, from, to); }
                case 4 -> radix4(st, xr, xi, from, to);
                default -> radix2(xr, xi, from, to);
            }
        }
    }

    /** The first radix-4 pass (len m), reading the windowed frames from src into zr/zi. */
    private void loadFirstStage(float[] src, int[] off, int base) {
        int q = m / 4;
        float[] c1 = twr[0][0], s1 = twi[0][0], c2 = twr[0][1], s2 = twi[0][1], c3 = twr[0][2], s3 = twi[0][2];
        float[] yr = zr, yi = zi;
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
            int o = p * L, sL = q * L;
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

    /** Stage st in place on the blocks of len[st] values in [from, to) (element offsets). */
    private void radix4(int st, float[] xr, float[] xi, int from, int to) {
        int l = len[st], q = l / 4, sL = q * L, lL = l * L;
        float[] c1 = twr[st][0], s1 = twi[st][0], c2 = twr[st][1], s2 = twi[st][1], c3 = twr[st][2], s3 = twi[st][2];
        for (int p = 0; p < q; p++) {
            float wc1 = c1[p], ws1 = s1[p], wc2 = c2[p], ws2 = s2[p], wc3 = c3[p], ws3 = s3[p];
            FloatVector vwc1 = FloatVector.broadcast(S, wc1), vws1 = FloatVector.broadcast(S, ws1), vnws1 = FloatVector.broadcast(S, -ws1);
            FloatVector vwc2 = FloatVector.broadcast(S, wc2), vws2 = FloatVector.broadcast(S, ws2), vnws2 = FloatVector.broadcast(S, -ws2);
            FloatVector vwc3 = FloatVector.broadcast(S, wc3), vws3 = FloatVector.broadcast(S, ws3), vnws3 = FloatVector.broadcast(S, -ws3);
            for (int oj = from + p * L; oj < to; oj += lL) {
                FloatVector a0 = FloatVector.fromArray(S, xr, oj), a1 = FloatVector.fromArray(S, xi, oj);
                FloatVector b0 = FloatVector.fromArray(S, xr, oj + sL), b1 = FloatVector.fromArray(S, xi, oj + sL);
                FloatVector c0 = FloatVector.fromArray(S, xr, oj + 2 * sL), cI = FloatVector.fromArray(S, xi, oj + 2 * sL);
                FloatVector d0 = FloatVector.fromArray(S, xr, oj + 3 * sL), d1 = FloatVector.fromArray(S, xi, oj + 3 * sL);
                FloatVector apcR = a0.add(c0), apcI = a1.add(cI), amcR = a0.sub(c0), amcI = a1.sub(cI);
                FloatVector bpdR = b0.add(d0), bpdI = b1.add(d1), bmdR = b0.sub(d0), bmdI = b1.sub(d1);
                apcR.add(bpdR).intoArray(xr, oj);
                apcI.add(bpdI).intoArray(xi, oj);
                // (amc - j bmd) * w1
                FloatVector xR = amcR.add(bmdI), xI = amcI.sub(bmdR);
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

    /**
     * Radix-8 stage st in place on the blocks of len[st] values in [from, to): the 8-point DFT of x[p + kq] (k < 8,
     * q = len/8) as two radix-2 steps (sums and W8-rotated differences) and two 4-point DFTs, output k times
     * W_len^{kp}.
     */
    private void radix8(int st, float[] xr, float[] xi, int from, int to) {
        int l = len[st], q = l / 8, sL = q * L, lL = l * L;
        float[][] wr = twr[st], wi = twi[st];
        for (int p = 0; p < q; p++) {
            float wc1 = wr[0][p], ws1 = wi[0][p], wc2 = wr[1][p], ws2 = wi[1][p], wc3 = wr[2][p], ws3 = wi[2][p];
            float wc4 = wr[3][p], ws4 = wi[3][p], wc5 = wr[4][p], ws5 = wi[4][p], wc6 = wr[5][p], ws6 = wi[5][p];
            float wc7 = wr[6][p], ws7 = wi[6][p];
            for (int o = from + p * L; o < to; o += lL) {
                FloatVector x0r = FloatVector.fromArray(S, xr, o), x0i = FloatVector.fromArray(S, xi, o);
                FloatVector x4r = FloatVector.fromArray(S, xr, o + 4 * sL), x4i = FloatVector.fromArray(S, xi, o + 4 * sL);
                FloatVector a0r = x0r.add(x4r), a0i = x0i.add(x4i), d0r = x0r.sub(x4r), d0i = x0i.sub(x4i);
                FloatVector x1r = FloatVector.fromArray(S, xr, o + sL), x1i = FloatVector.fromArray(S, xi, o + sL);
                FloatVector x5r = FloatVector.fromArray(S, xr, o + 5 * sL), x5i = FloatVector.fromArray(S, xi, o + 5 * sL);
                FloatVector a1r = x1r.add(x5r), a1i = x1i.add(x5i), e1r = x1r.sub(x5r), e1i = x1i.sub(x5i);
                FloatVector x2r = FloatVector.fromArray(S, xr, o + 2 * sL), x2i = FloatVector.fromArray(S, xi, o + 2 * sL);
                FloatVector x6r = FloatVector.fromArray(S, xr, o + 6 * sL), x6i = FloatVector.fromArray(S, xi, o + 6 * sL);
                FloatVector a2r = x2r.add(x6r), a2i = x2i.add(x6i), d2r = x2r.sub(x6r), d2i = x2i.sub(x6i);
                FloatVector x3r = FloatVector.fromArray(S, xr, o + 3 * sL), x3i = FloatVector.fromArray(S, xi, o + 3 * sL);
                FloatVector x7r = FloatVector.fromArray(S, xr, o + 7 * sL), x7i = FloatVector.fromArray(S, xi, o + 7 * sL);
                FloatVector a3r = x3r.add(x7r), a3i = x3i.add(x7i), e3r = x3r.sub(x7r), e3i = x3i.sub(x7i);
                // b1 = e1 W8 = (e1r + e1i, e1i - e1r) h; b2 = -i d2 = (d2i, -d2r); b3 = e3 W8^3 = (e3i - e3r, -(e3r + e3i)) h
                FloatVector b1r = e1r.add(e1i).mul(H), b1i = e1i.sub(e1r).mul(H);
                FloatVector b3r = e3i.sub(e3r).mul(H), b3i = e3r.add(e3i).mul(H); // b3i negated: used as -b3i below
                // even outputs: DFT4 of a
                FloatVector s02r = a0r.add(a2r), s02i = a0i.add(a2i), t02r = a0r.sub(a2r), t02i = a0i.sub(a2i);
                FloatVector s13r = a1r.add(a3r), s13i = a1i.add(a3i), t13r = a1r.sub(a3r), t13i = a1i.sub(a3i);
                s02r.add(s13r).intoArray(xr, o);
                s02i.add(s13i).intoArray(xi, o);
                FloatVector yR = s02r.sub(s13r), yI = s02i.sub(s13i);                       // X4
                yR.fma(FloatVector.broadcast(S, wc4), yI.mul(-ws4)).intoArray(xr, o + 4 * sL);
                yR.fma(FloatVector.broadcast(S, ws4), yI.mul(wc4)).intoArray(xi, o + 4 * sL);
                yR = t02r.add(t13i); yI = t02i.sub(t13r);                                    // X2 = t02 - i t13
                yR.fma(FloatVector.broadcast(S, wc2), yI.mul(-ws2)).intoArray(xr, o + 2 * sL);
                yR.fma(FloatVector.broadcast(S, ws2), yI.mul(wc2)).intoArray(xi, o + 2 * sL);
                yR = t02r.sub(t13i); yI = t02i.add(t13r);                                    // X6 = t02 + i t13
                yR.fma(FloatVector.broadcast(S, wc6), yI.mul(-ws6)).intoArray(xr, o + 6 * sL);
                yR.fma(FloatVector.broadcast(S, ws6), yI.mul(wc6)).intoArray(xi, o + 6 * sL);
                // odd outputs: DFT4 of b = (d0, b1, b2, b3) with b2 = (d2i, -d2r), b3 = (b3r, -b3i)
                FloatVector u02r = d0r.add(d2i), u02i = d0i.sub(d2r), v02r = d0r.sub(d2i), v02i = d0i.add(d2r);
                FloatVector u13r = b1r.add(b3r), u13i = b1i.sub(b3i), v13r = b1r.sub(b3r), v13i = b1i.add(b3i);
                yR = u02r.add(u13r); yI = u02i.add(u13i);                                    // X1
                yR.fma(FloatVector.broadcast(S, wc1), yI.mul(-ws1)).intoArray(xr, o + sL);
                yR.fma(FloatVector.broadcast(S, ws1), yI.mul(wc1)).intoArray(xi, o + sL);
                yR = u02r.sub(u13r); yI = u02i.sub(u13i);                                    // X5
                yR.fma(FloatVector.broadcast(S, wc5), yI.mul(-ws5)).intoArray(xr, o + 5 * sL);
                yR.fma(FloatVector.broadcast(S, ws5), yI.mul(wc5)).intoArray(xi, o + 5 * sL);
                yR = v02r.add(v13i); yI = v02i.sub(v13r);                                    // X3 = v02 - i v13
                yR.fma(FloatVector.broadcast(S, wc3), yI.mul(-ws3)).intoArray(xr, o + 3 * sL);
                yR.fma(FloatVector.broadcast(S, ws3), yI.mul(wc3)).intoArray(xi, o + 3 * sL);
                yR = v02r.sub(v13i); yI = v02i.add(v13r);                                    // X7 = v02 + i v13
                yR.fma(FloatVector.broadcast(S, wc7), yI.mul(-ws7)).intoArray(xr, o + 7 * sL);
                yR.fma(FloatVector.broadcast(S, ws7), yI.mul(wc7)).intoArray(xi, o + 7 * sL);
            }
        }
    }

    /** The last radix-8 stage (len 8: no twiddles) on [from, to). */
    private void radix8Last(float[] xr, float[] xi, int from, int to) {
        int sL = L;
        for (int o = from; o < to; o += 8 * L) {
            FloatVector x0r = FloatVector.fromArray(S, xr, o), x0i = FloatVector.fromArray(S, xi, o);
            FloatVector x4r = FloatVector.fromArray(S, xr, o + 4 * sL), x4i = FloatVector.fromArray(S, xi, o + 4 * sL);
            FloatVector a0r = x0r.add(x4r), a0i = x0i.add(x4i), d0r = x0r.sub(x4r), d0i = x0i.sub(x4i);
            FloatVector x1r = FloatVector.fromArray(S, xr, o + sL), x1i = FloatVector.fromArray(S, xi, o + sL);
            FloatVector x5r = FloatVector.fromArray(S, xr, o + 5 * sL), x5i = FloatVector.fromArray(S, xi, o + 5 * sL);
            FloatVector a1r = x1r.add(x5r), a1i = x1i.add(x5i), e1r = x1r.sub(x5r), e1i = x1i.sub(x5i);
            FloatVector x2r = FloatVector.fromArray(S, xr, o + 2 * sL), x2i = FloatVector.fromArray(S, xi, o + 2 * sL);
            FloatVector x6r = FloatVector.fromArray(S, xr, o + 6 * sL), x6i = FloatVector.fromArray(S, xi, o + 6 * sL);
            FloatVector a2r = x2r.add(x6r), a2i = x2i.add(x6i), d2r = x2r.sub(x6r), d2i = x2i.sub(x6i);
            FloatVector x3r = FloatVector.fromArray(S, xr, o + 3 * sL), x3i = FloatVector.fromArray(S, xi, o + 3 * sL);
            FloatVector x7r = FloatVector.fromArray(S, xr, o + 7 * sL), x7i = FloatVector.fromArray(S, xi, o + 7 * sL);
            FloatVector a3r = x3r.add(x7r), a3i = x3i.add(x7i), e3r = x3r.sub(x7r), e3i = x3i.sub(x7i);
            FloatVector b1r = e1r.add(e1i).mul(H), b1i = e1i.sub(e1r).mul(H);
            FloatVector b3r = e3i.sub(e3r).mul(H), b3i = e3r.add(e3i).mul(H);
            FloatVector s02r = a0r.add(a2r), s02i = a0i.add(a2i), t02r = a0r.sub(a2r), t02i = a0i.sub(a2i);
            FloatVector s13r = a1r.add(a3r), s13i = a1i.add(a3i), t13r = a1r.sub(a3r), t13i = a1i.sub(a3i);
            s02r.add(s13r).intoArray(xr, o);
            s02i.add(s13i).intoArray(xi, o);
            s02r.sub(s13r).intoArray(xr, o + 4 * sL);
            s02i.sub(s13i).intoArray(xi, o + 4 * sL);
            t02r.add(t13i).intoArray(xr, o + 2 * sL);
            t02i.sub(t13r).intoArray(xi, o + 2 * sL);
            t02r.sub(t13i).intoArray(xr, o + 6 * sL);
            t02i.add(t13r).intoArray(xi, o + 6 * sL);
            FloatVector u02r = d0r.add(d2i), u02i = d0i.sub(d2r), v02r = d0r.sub(d2i), v02i = d0i.add(d2r);
            FloatVector u13r = b1r.add(b3r), u13i = b1i.sub(b3i), v13r = b1r.sub(b3r), v13i = b1i.add(b3i);
            u02r.add(u13r).intoArray(xr, o + sL);
            u02i.add(u13i).intoArray(xi, o + sL);
            u02r.sub(u13r).intoArray(xr, o + 5 * sL);
            u02i.sub(u13i).intoArray(xi, o + 5 * sL);
            v02r.add(v13i).intoArray(xr, o + 3 * sL);
            v02i.sub(v13r).intoArray(xi, o + 3 * sL);
            v02r.sub(v13i).intoArray(xr, o + 7 * sL);
            v02i.add(v13r).intoArray(xi, o + 7 * sL);
        }
    }

    /** The last stage when log2(m) is odd: blocks of 2 values in [from, to), no twiddles. */
    private void radix2(float[] xr, float[] xi, int from, int to) {
        for (int j = from; j < to; j += 2 * L) {
            FloatVector a0 = FloatVector.fromArray(S, xr, j), a1 = FloatVector.fromArray(S, xi, j);
            FloatVector b0 = FloatVector.fromArray(S, xr, j + L), b1 = FloatVector.fromArray(S, xi, j + L);
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
    void unpackInto(float[] re, float[] im, int reOff, int imOff, int rowStride) {
        // the pairs (k, m - k) by k mod 4, each group right after the passes of the quarters holding it (L1-resident)
        passes(0);
        unpackInto(0, 4, re, im, reOff, imOff, rowStride);
        passes(2);
        unpackInto(2, 4, re, im, reOff, imOff, rowStride);
        passes(1);
        passes(3);
        pending = false;
        unpackInto(1, 2, re, im, reOff, imOff, rowStride);
    }

    /** The bins k = k0, k0 + dk, .. <= m/2 and their partners m - k. */
    private void unpackInto(int k0, int dk, float[] re, float[] im, int reOff, int imOff, int rowStride) {
        float[] xr = zr, xi = zi;
        // bins k and m - k share their inputs (A = Z[k], B = Z[m-k] swap roles): one pass over the pairs
        for (int k = k0; k <= m / 2; k += dk) {
            int k2 = m - k;
            int a = zpos[k], b = zpos[k == 0 ? 0 : k2];
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
        passes(0);
        unpackPower(0, 4, p);
        passes(2);
        unpackPower(2, 4, p);
        passes(1);
        passes(3);
        pending = false;
        unpackPower(1, 2, p);
    }

    /** The bins k = k0, k0 + dk, .. <= m/2 and their partners m - k. */
    private void unpackPower(int k0, int dk, float[] p) {
        float[] xr = zr, xi = zi;
        for (int k = k0; k <= m / 2; k += dk) {
            int k2 = m - k;
            int a = zpos[k], b = zpos[k == 0 ? 0 : k2];
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
