package dev.segue.dsp.spectral;

import java.util.Locale;

/** Periodic ("fftbins=True") analysis windows as {@code scipy.signal.get_window} makes them, in float64. */
public enum Window {
    HANN, HAMMING, ONES;

    public static Window parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "hann", "hanning" -> HANN;
            case "hamming" -> HAMMING;
            case "ones", "boxcar", "rect", "rectangular" -> ONES;
            default -> throw new IllegalArgumentException("unknown window '" + name + "' (hann, hamming, ones)");
        };
    }

    /** The periodic window of length n: w[k] = a0 - (1 - a0) cos(2 pi k / n). */
    public double[] periodic(int n) {
        double[] w = new double[n];
        double a0 = switch (this) { case HANN -> 0.5; case HAMMING -> 0.54; case ONES -> 1.0; };
        for (int k = 0; k < n; k++) w[k] = this == ONES ? 1.0 : a0 - (1 - a0) * Math.cos(2 * Math.PI * k / n);
        return w;
    }

    /** librosa's effective STFT window: the periodic window of winLength centred (zero-padded) in nFft. */
    public double[] padded(int winLength, int nFft) {
        if (winLength < 1 || winLength > nFft)
            throw new IllegalArgumentException("win_length " + winLength + " must be in [1, n_fft=" + nFft + "]");
        double[] w = new double[nFft];
        System.arraycopy(periodic(winLength), 0, w, (nFft - winLength) / 2, winLength);
        return w;
    }
}
