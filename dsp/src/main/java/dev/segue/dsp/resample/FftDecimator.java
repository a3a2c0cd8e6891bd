package dev.segue.dsp.resample;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Integer-factor decimation y[m] = sum_k taps[k] x[m*down + k0 + k] by overlap-save FFT convolution (the full-rate
 * correlation, then every down-th sample): O(log N) per sample instead of O(taps). Used for long signals and long
 * filters (the CQT's 2:1 halvings with libsoxr's 389-tap filter). float64 throughout, zeros outside the signal.
 */
final class FftDecimator {
    private final int down, k0, w, nFft, block;
    private final double[] spectrum; // FFT of the reversed taps, JTransforms packed layout
    // decimators are shared between threads through the resampler's cache: one FFT plan per thread, JTransforms'
    // own threading off so results never depend on the core count
    private final ThreadLocal<DoubleFFT_1D> fft;
    static {
        org.jtransforms.utils.CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Integer.MAX_VALUE);
        org.jtransforms.utils.CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Integer.MAX_VALUE);
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    }

    FftDecimator(double[] taps, int down, int k0) {
        this.down = down;
        this.k0 = k0;
        this.w = taps.length;
        int n = Integer.highestOneBit(Math.max(64, 8 * w) - 1) << 1;
        this.nFft = n;
        this.block = n - (w - 1);
        this.fft = ThreadLocal.withInitial(() -> new DoubleFFT_1D(n));
        spectrum = new double[n];
        for (int j = 0; j < w; j++) spectrum[j] = taps[w - 1 - j];
        fft.get().realForward(spectrum);
    }

    /** Worth it when the filter is long: direct cost w per output vs ~2 FFTs per (block / down) outputs. */
    static boolean pays(int width, int down, int up) { return up == 1 && width >= 96; }

    float[] apply(float[] x, int nOut) {
        float[] y = new float[nOut];
        double[] buf = new double[nFft];
        DoubleFFT_1D fft = this.fft.get();
        // y[m] = (g * x)[c] with g the reversed taps and c = m*down + k0 + w - 1 (full convolution index)
        int m = 0;
        for (long s = -(w - 1); m < nOut; s += block) {
            // this block yields convolution indices c in [s + w - 1, s + nFft)
            for (int i = 0; i < nFft; i++) {
                long j = s + i;
                buf[i] = j >= 0 && j < x.length ? x[(int) j] : 0.0;
            }
            fft.realForward(buf);
            buf[0] *= spectrum[0];
            buf[1] *= spectrum[1];
            for (int k = 1; k < nFft / 2; k++) {
                double ar = buf[2 * k], ai = buf[2 * k + 1], br = spectrum[2 * k], bi = spectrum[2 * k + 1];
                buf[2 * k] = ar * br - ai * bi;
                buf[2 * k + 1] = ar * bi + ai * br;
            }
            fft.realInverse(buf, true);
            long hi = s + nFft;
            while (m < nOut) {
                long c = (long) m * down + k0 + w - 1;
                if (c >= hi) break;
                y[m] = (float) buf[(int) (c - s)];
                m++;
            }
        }
        return y;
    }
}
