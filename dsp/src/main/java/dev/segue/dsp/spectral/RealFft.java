package dev.segue.dsp.spectral;

/**
 * Forward real FFT of a power-of-two length n (>= 4) in float64: the n/2-point complex FFT of the even/odd-packed
 * input (Stockham autosort, radix 2, split real/imaginary arrays so that every stage with stride >= the vector width
 * runs on contiguous SIMD lanes), then the usual split into the n/2 + 1 non-negative-frequency bins.
 * Sign convention exp(-2 pi i k t / n), unnormalised (numpy.fft.rfft). One instance per thread (it owns work buffers).
 */
public final class RealFft {
    private final int n, m;
    private final double[][] twRe, twIm;   // per stage (length len = m, m/2, ..., 2): exp(-2 pi i p / len), p < len/2
    private final double[] postRe, postIm; // exp(-2 pi i k / n), k <= m
    private final double[] ar, ai, br, bi;

    public RealFft(int n) {
        if (n < 4 || Integer.bitCount(n) != 1) throw new IllegalArgumentException("RealFft needs a power of two >= 4, got " + n);
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
        ar = new double[m]; ai = new double[m]; br = new double[m]; bi = new double[m];
    }

    public int size() { return n; }

    /** x: n real samples (not modified); re/im: the n/2 + 1 bins. */
    public void forward(double[] x, double[] re, double[] im) {
        double[] xr = ar, xi = ai, yr = br, yi = bi;
        for (int j = 0; j < m; j++) { xr[j] = x[2 * j]; xi[j] = x[2 * j + 1]; }
        int s = 1, st = 0;
        for (int len = m; len > 1; len /= 2, s *= 2, st++) {
            int h = len / 2;
            if (s >= SimdFft.LANES) SimdFft.stage(xr, xi, yr, yi, twRe[st], twIm[st], h, s);
            else stageScalar(xr, xi, yr, yi, twRe[st], twIm[st], h, s);
            double[] t = xr; xr = yr; yr = t;
            t = xi; xi = yi; yi = t;
        }
        // X[k] = E[k] + W^k O[k] from Z = FFT(x_even + i x_odd)
        for (int k = 0; k <= m; k++) {
            int a = k == m ? 0 : k, b = k == 0 ? 0 : m - k;
            double er = 0.5 * (xr[a] + xr[b]), ei = 0.5 * (xi[a] - xi[b]);
            double or = 0.5 * (xi[a] + xi[b]), oi = -0.5 * (xr[a] - xr[b]);
            re[k] = er + postRe[k] * or - postIm[k] * oi;
            im[k] = ei + postRe[k] * oi + postIm[k] * or;
        }
    }

    /** One Stockham stage: y[q + s*2p] = a + b, y[q + s*(2p+1)] = (a - b) w_p with a = x[q + s*p], b = x[q + s*(p+h)]. */
    static void stageScalar(double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int h, int s) {
        for (int p = 0; p < h; p++) {
            double c = wr[p], d = wi[p];
            int ia = s * p, ib = s * (p + h), o0 = s * 2 * p, o1 = o0 + s;
            for (int q = 0; q < s; q++) {
                double a0 = xr[ia + q], a1 = xi[ia + q], b0 = xr[ib + q], b1 = xi[ib + q];
                yr[o0 + q] = a0 + b0;
                yi[o0 + q] = a1 + b1;
                double dr = a0 - b0, di = a1 - b1;
                yr[o1 + q] = dr * c - di * d;
                yi[o1 + q] = dr * d + di * c;
            }
        }
    }
}
