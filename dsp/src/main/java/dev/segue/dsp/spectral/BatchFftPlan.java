package dev.segue.dsp.spectral;

/**
 * The element-type-independent part of {@link FloatBatchFft} and {@link DoubleBatchFft}: the decimation-in-frequency
 * stages of an m-point complex FFT (radix 4 first, radix 8 for the last ones, a single radix 2 for m = 8), their
 * twiddles (float64; the float32 twin rounds them once), the real-FFT post-processing factors, the schedule of the
 * in-place passes and where each frequency ends up.
 * <p>
 * The passes run <b>in place</b>: stage st splits every block of len[st] values into radix[st] blocks (radix 4:
 * butterfly on x[p], x[p + q], x[p + 2q], x[p + 3q], q = len/4, output k times W_len^{kp} back to x[p + kq]; radix 8
 * alike on eight), so after stage 0 each quarter of the array is an independent sub-FFT. The schedule runs the
 * remaining stages of one quarter to the end before the next ({@link #schedule}: depth first down to blocks of at most
 * {@link #BLOCK_VECTORS} values, then breadth first inside): with one 64-byte vector per value, a 256-value block
 * (re + im planes) is 32 KB and stays in L1 for all its passes, where a Stockham (out-of-place, autosort) pass streamed
 * the whole 128 KB working set through L2 at every stage. The passes are store-bound (each butterfly stores all its
 * outputs), hence radix 8 where it fits: 1024 points take 4 passes (4, 4, 8, 8) instead of 5. The output is in
 * mixed-radix digit-reversed order, frequency k at {@link #zpos}[k]; the unpack reads it quarter by quarter (the pairs
 * k, m - k with k = 0 mod 4 lie in quarter 0, k = 2 mod 4 in quarter 2, odd k in quarters 1 and 3), each group right
 * after its quarters' passes, while they are in L1.
 */
final class BatchFftPlan {
    /** Largest block (in complex values, one vector each) whose remaining stages run breadth first (32 KB re + im at 64 B per vector). */
    static final int BLOCK_VECTORS = 256;

    final int n, m, nStages;
    /** Block length and radix (4, 8, or 2 for a single final radix-2 stage) of each stage. */
    final int[] len, radix;
    /** Twiddles of stage st, output k (1 .. radix-1), p < len/radix: W_len^{kp} = twr[st][k-1][p] + i twi[st][k-1][p]. */
    final double[][][] twr, twi;
    /** 0.5 cos(2 pi k / n), -0.5 sin(2 pi k / n), k = 0 .. m. */
    final double[] postC, postS;
    /** The position of frequency k (0 .. m-1) in the transformed array, in values (multiply by the lane count). */
    final int[] zpos;
    /**
     * Per quarter b of the array (the sub-FFT that stage 0 left at [b m/4, (b+1) m/4)): triples (stage, first value,
     * end value), the in-place passes after stage 0, in order.
     */
    final int[][] schedule;

    /**
     * Whether the plans use radix-8 stages: on JDK 21+. JDK 17's C2 stops inlining in methods as large as the 8-point
     * butterflies (its node-count cutoff) and leaves their vector stores as calls that box every vector (stft 7.5 ms
     * instead of 4.5, cqt 60 ms instead of 9); there the plans stay radix 4 (property segue.fftRadix8 overrides).
     */
    static final boolean RADIX8 = Boolean.parseBoolean(System.getProperty("segue.fftRadix8", String.valueOf(Runtime.version().feature() >= 21)));

    /** @param radix8 radix-8 stages where they fit (else radix 4 only) */
    BatchFftPlan(int n, boolean radix8) {
        if (!supports(n)) throw new IllegalArgumentException("batched FFT: n=" + n);
        this.n = n;
        this.m = n / 2;
        // stage 0: radix 4 (fused with the load); then radix 4 while needed to make the rest a multiple of 3 bits,
        // then radix 8 (fewer passes: the passes are store-bound); a single leftover bit: one radix-2 stage
        // (radix8 false: radix 4 only, one final radix-2 stage when the bit count is odd)
        int bits = Integer.numberOfTrailingZeros(m), rest = bits - 2;
        int r8 = !radix8 || rest == 1 ? 0 : rest / 3;
        while (r8 > 0 && (rest - 3 * r8) % 2 != 0) r8--;
        int r4 = (rest - 3 * r8) / 2;
        boolean r2 = (rest - 3 * r8) % 2 != 0;
        nStages = 1 + r4 + r8 + (r2 ? 1 : 0);
        radix = new int[nStages];
        len = new int[nStages];
        twr = new double[nStages][][];
        twi = new double[nStages][][];
        for (int i = 0, l = m; i < nStages; i++) {
            int r = i == 0 || i <= r4 ? 4 : i <= r4 + r8 ? 8 : 2;
            radix[i] = r;
            len[i] = l;
            int q = l / r;
            twr[i] = new double[r - 1][q];
            twi[i] = new double[r - 1][q];
            for (int k = 1; k < r; k++)
                for (int p = 0; p < q; p++) {
                    twr[i][k - 1][p] = cos((long) k * p, l);
                    twi[i][k - 1][p] = -sin((long) k * p, l);
                }
            l /= r;
        }
        postC = new double[m + 1];
        postS = new double[m + 1];
        for (int k = 0; k <= m; k++) {
            postC[k] = 0.5 * cos(k, n);
            postS[k] = -0.5 * sin(k, n);
        }
        postS[0] = 0; // +0: the DC and Nyquist bins come out with an exactly zero (positive) imaginary part
        postS[m] = 0;
        zpos = new int[m];
        for (int k = 0; k < m; k++) {
            int pos = 0, size = m, kk = k;
            for (int s = 0; s < nStages; s++) {
                int r = radix[s];
                size /= r;
                pos += (kk % r) * size;
                kk /= r;
            }
            zpos[k] = pos;
        }
        java.util.List<Integer> sch = new java.util.ArrayList<>();
        schedule = new int[4][];
        for (int b = 0; b < 4; b++) {
            sch.clear();
            plan(sch, 1, b * len[1]);
            schedule[b] = sch.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Stages st.. of the block [from, from + len[st]): depth first while the block is large, then breadth first. */
    private void plan(java.util.List<Integer> sch, int st, int from) {
        int size = len[st];
        if (size <= BLOCK_VECTORS) {
            for (int s = st; s < nStages; s++) { sch.add(s); sch.add(from); sch.add(from + size); }
            return;
        }
        sch.add(st); sch.add(from); sch.add(from + size);
        if (st + 1 < nStages)
            for (int b = from; b < from + size; b += len[st + 1]) plan(sch, st + 1, b);
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

    static float[][][] toFloat(double[][][] a) {
        float[][][] f = new float[a.length][][];
        for (int i = 0; i < a.length; i++) {
            f[i] = new float[a[i].length][];
            for (int j = 0; j < a[i].length; j++) f[i][j] = toFloat(a[i][j]);
        }
        return f;
    }

    static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
        return f;
    }
}
