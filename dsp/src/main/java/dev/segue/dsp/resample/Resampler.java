package dev.segue.dsp.resample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rational-ratio resampling y[m] = sum_n x[n] h(m/target - n/orig), polyphase: for the reduced ratio up/down the output
 * positions fall on `up` distinct fractional offsets, so the filter is tabulated once per phase. Output length is
 * ceil(n * target / orig) (librosa.resample with fix=True), samples outside the input are zeros, no rescaling.
 */
public final class Resampler {
    private Resampler() {}

    /** A tabulated polyphase filter: out[m] = sum_k taps[phase(m)][k] * x[base(m) + k0 + k]. */
    private record Bank(int up, int down, int k0, int width, double[] taps, float[] tapsF) {
        Bank(int up, int down, int k0, int width, double[] taps) { this(up, down, k0, width, taps, toFloat(taps)); }
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    private static final Map<String, Bank> BANKS = new ConcurrentHashMap<>();

    public static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    public static int outputLength(int n, int orig, int target) {
        return (int) (((long) n * target + orig - 1) / orig);
    }

    public static float[] resample(float[] x, int orig, int target, ResampleMode mode) {
        if (orig <= 0 || target <= 0) throw new IllegalArgumentException("sample rates must be positive: " + orig + " -> " + target);
        int bad = dev.segue.dsp.Kernels.firstNonFinite(x);
        if (bad >= 0) throw new IllegalArgumentException("resample: audio buffer is not finite everywhere (sample " + bad + " is " + x[bad] + ")");
        if (orig == target) return x.clone();
        int g = gcd(orig, target), up = target / g, down = orig / g;
        Bank b = BANKS.computeIfAbsent(mode + ":" + up + "/" + down, k -> design(mode, up, down));
        int nOut = outputLength(x.length, orig, target);
        if (b.up == 1 && b.down > 1 && mode != ResampleMode.POLYPHASE && dev.segue.dsp.Kernels.vectorized()
                && !Boolean.getBoolean("segue.fftDecimator"))
            // integer downsampling (the CQT's 2:1 halvings, 48k -> 16k, ...): only the kept outputs, SIMD polyphase
            return SIMD_DECIMATORS.computeIfAbsent(b, k -> new SimdDecimator(k.taps, k.down, k.k0)).apply(x, nOut);
        if (FftDecimator.pays(b.width, b.down, b.up) && (long) nOut * b.width > 4_000_000L)
            return fftDecimator(b).apply(x, nOut);
        return apply(b, x, nOut);
    }

    private static final Map<Bank, SimdDecimator> SIMD_DECIMATORS = new ConcurrentHashMap<>();

    /**
     * As {@link #resample}, but integer downsampling runs in float32 lanes, taps and accumulators (libsoxr's HQ
     * quality runs its filters in single precision too): twice the throughput of the float64 decimator, at ~1e-6 of the
     * peak instead of ~3e-7 against libsoxr. For the CQT's internal 2:1 halvings; other ratios and modes as resample.
     */
    public static float[] resampleSingle(float[] x, int orig, int target, ResampleMode mode) {
        if (orig <= 0 || target <= 0 || orig == target || mode == ResampleMode.POLYPHASE || !dev.segue.dsp.Kernels.vectorized()
                || Boolean.getBoolean("segue.fftDecimator"))
            return resample(x, orig, target, mode);
        int g = gcd(orig, target), up = target / g, down = orig / g;
        if (up != 1) return resample(x, orig, target, mode);
        int bad = dev.segue.dsp.Kernels.firstNonFinite(x);
        if (bad >= 0) throw new IllegalArgumentException("resample: audio buffer is not finite everywhere (sample " + bad + " is " + x[bad] + ")");
        Bank b = BANKS.computeIfAbsent(mode + ":" + up + "/" + down, k -> design(mode, up, down));
        return SIMD_DECIMATORS.computeIfAbsent(b, k -> new SimdDecimator(k.taps, k.down, k.k0)).applyFloat(x, outputLength(x.length, orig, target));
    }

    private static FftDecimator fftDecimator(Bank b) {
        return DECIMATORS.computeIfAbsent(b, k -> new FftDecimator(k.taps, k.down, k.k0));
    }

    /** The float64 FFT (overlap-save) decimator for integer downsampling, whatever the length: a reference. For tests. */
    public static float[] resampleFft(float[] x, int orig, int target, ResampleMode mode) {
        int g = gcd(orig, target), up = target / g, down = orig / g;
        if (up != 1) throw new IllegalArgumentException("integer downsampling only");
        Bank b = BANKS.computeIfAbsent(mode + ":" + up + "/" + down, k -> design(mode, up, down));
        return fftDecimator(b).apply(x, outputLength(x.length, orig, target));
    }

    private static final Map<Bank, FftDecimator> DECIMATORS = new ConcurrentHashMap<>();

    /** The direct (tabulated polyphase) path, whatever the length: the reference of the FFT decimator. For tests. */
    public static float[] resampleDirect(float[] x, int orig, int target, ResampleMode mode) {
        int g = gcd(orig, target), up = target / g, down = orig / g;
        Bank b = BANKS.computeIfAbsent(mode + ":" + up + "/" + down, k -> design(mode, up, down));
        return apply(b, x, outputLength(x.length, orig, target));
    }

    private static float[] apply(Bank b, float[] x, int nOut) {
        float[] y = new float[nOut];
        int up = b.up, down = b.down, w = b.width, n = x.length;
        double[] taps = b.taps;
        float[] tf = b.tapsF;
        for (int m = 0; m < nOut; m++) {
            long pos = (long) m * down;
            int q = (int) (pos / up), phase = (int) (pos % up);
            int start = q + b.k0, off = phase * w;
            int k1 = Math.max(0, -start), k2 = Math.min(w, n - start);
            if (k1 == 0 && k2 == w) {
                // interior: contiguous taps and samples, a SIMD dot product (float32, as scipy's upfirdn and soxr run)
                y[m] = dev.segue.dsp.Kernels.dot(tf, off, x, start, w);
                continue;
            }
            double acc = 0;
            for (int k = k1; k < k2; k++) acc += taps[off + k] * x[start + k];
            y[m] = (float) acc;
        }
        return y;
    }

    /** Naive reference: evaluates the continuous filter for every (output, input) pair. For tests. */
    public static float[] resampleNaive(float[] x, int orig, int target, ResampleMode mode) {
        int g = gcd(orig, target), up = target / g, down = orig / g;
        int nOut = outputLength(x.length, orig, target);
        float[] y = new float[nOut];
        if (mode == ResampleMode.POLYPHASE) {
            float[] h = scipyFilter(up, down);
            int half = 10 * Math.max(up, down);
            for (int m = 0; m < nOut; m++) {
                double acc = 0;
                for (int i = 0; i < x.length; i++) {
                    long j = (long) m * down - (long) i * up + half; // index into the unpadded filter centred at half
                    if (j >= 0 && j < h.length) acc += h[(int) j] * (double) x[i];
                }
                y[m] = (float) acc;
            }
            return y;
        }
        Sinc s = Sinc.of(mode, up, down);
        for (int m = 0; m < nOut; m++) {
            double acc = 0;
            // t = m*down/up - i as an exact integer over up, so ties at the window edge resolve as in the table
            for (int i = 0; i < x.length; i++) acc += s.h((double) ((long) m * down - (long) i * up) / up) * x[i];
            y[m] = (float) acc;
        }
        return y;
    }

    /** Kaiser-windowed sinc in input-sample units: h(t) = fc sinc(fc t) kaiser(t / halfWidth). */
    private record Sinc(double fc, double halfWidth, double beta, double i0beta) {
        static Sinc of(ResampleMode mode, int up, int down) {
            double band = Math.min(1.0, (double) up / down); // the lower Nyquist, relative to the input Nyquist
            if (mode == ResampleMode.HQ) {
                // libsoxr 0.1.3 'HQ' (20-bit) responses measured with impulses (Debian libsoxr0, soxr_oneshot) and fitted by
                // least squares with a Kaiser-windowed sinc: cutoff (relative to the lower Nyquist), Kaiser beta and window
                // half-length (in samples at the lower rate). Integer ratios are a single exact Kaiser sinc (fit residual
                // 4e-8, i.e. float32 output rounding); other ratios use libsoxr's two-stage design, which this one-stage
                // sinc approximates to ~1e-4 of the response peak.
                int f = up == 1 ? down : down == 1 ? up : 0;
                double fcOut, beta, hOut;
                if (f == 2) { fcOut = 0.95687183; beta = 13.04003; hOut = 97.25; }            // 389 taps at the high rate
                else if (f == 3) { fcOut = 0.95687183; beta = 13.04002; hOut = 290.5 / 3; }  // 581 taps
                else if (f >= 4) { fcOut = 0.95687183; beta = 13.71084; hOut = 102.25; }     // measured at f = 4
                else { fcOut = 0.95684292; beta = 15.97844; hOut = 109.67037; }              // measured at 22050 -> 16000
                return new Sinc(fcOut * band, hOut / band, beta, Bessel.i0(beta));
            }
            // FAST: passband to 0.85 of the lower Nyquist, 80 dB Kaiser, at most 16 zero crossings
            double fp = 0.85, fs = 1.0, att = 80;
            double fc = (fp + fs) / 2 * band;
            double tw = (fs - fp) * band * Math.PI;          // transition width, radians per input sample
            double beta = 0.1102 * (att - 8.7);
            double taps = Math.min((att - 7.95) / (2.285 * tw), 16 / band); // Kaiser's length estimate, capped
            return new Sinc(fc, taps / 2, beta, Bessel.i0(beta));
        }

        double h(double t) {
            if (Math.abs(t) >= halfWidth) return 0;
            double a = Math.PI * fc * t;
            double sinc = a == 0 ? 1 : Math.sin(a) / a;
            return fc * sinc * Bessel.kaiser(t / halfWidth, beta, i0beta);
        }
    }

    private static Bank design(ResampleMode mode, int up, int down) {
        if (mode == ResampleMode.POLYPHASE) return scipyBank(up, down);
        Sinc s = Sinc.of(mode, up, down);
        // output m sits at p = q + phase/up; taps run over n = q + k with |p - n| < halfWidth
        int k0 = -(int) Math.ceil(s.halfWidth());
        int width = 2 * (int) Math.ceil(s.halfWidth()) + 2;
        if ((long) up * width > 50_000_000L)
            throw new IllegalArgumentException("resampling ratio " + up + "/" + down + " needs too many filter phases");
        double[] taps = new double[up * width];
        for (int ph = 0; ph < up; ph++)
            for (int k = 0; k < width; k++) taps[ph * width + k] = s.h((double) (ph - (long) (k0 + k) * up) / up);
        return new Bank(up, down, k0, width, taps);
    }

    /** scipy.signal.firwin(2*half+1, 1/max(up,down), window=('kaiser', 5.0)), cast to float32 and times up (as resample_poly does). */
    static float[] scipyFilter(int up, int down) {
        int maxRate = Math.max(up, down), half = 10 * maxRate, n = 2 * half + 1;
        double fc = 1.0 / maxRate, beta = 5.0, i0b = Bessel.i0(beta), alpha = 0.5 * (n - 1);
        double[] h = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double m = i - alpha, a = Math.PI * fc * m;
            double sinc = a == 0 ? 1 : Math.sin(a) / a;
            double r = (i - alpha) / alpha;
            double win = Bessel.i0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0b;
            h[i] = fc * sinc * win;
            sum += h[i];
        }
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = (float) (h[i] / sum) * (float) up;
        return f;
    }

    /** resample_poly's alignment: output m is the full upfirdn output at (m + pre_remove) * down of the pre-padded filter. */
    private static Bank scipyBank(int up, int down) {
        float[] h = scipyFilter(up, down);
        int half = 10 * Math.max(up, down);
        // out[m] = sum_i x[i] h[m*down - i*up + half]; with m*down = q*up + phase: i = q + k, index = phase - k*up + half
        int kMin = -(int) Math.ceil((double) (h.length - 1 - half) / up) - 1;
        int kMax = (int) Math.ceil((double) (half + up) / up) + 1;
        int width = kMax - kMin + 1;
        double[] taps = new double[up * width];
        for (int ph = 0; ph < up; ph++)
            for (int j = 0; j < width; j++) {
                int k = kMin + j;
                long idx = (long) ph - (long) k * up + half;
                if (idx >= 0 && idx < h.length) taps[ph * width + j] = h[(int) idx];
            }
        return new Bank(up, down, kMin, width, taps);
    }
}
