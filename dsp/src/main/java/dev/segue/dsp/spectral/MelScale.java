package dev.segue.dsp.spectral;

/** Hz <-> mel conversions (librosa.hz_to_mel / mel_to_hz): Slaney (default) or HTK. */
public final class MelScale {
    private MelScale() {}

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOGSTEP = Math.log(6.4) / 27.0;

    public static double hzToMel(double f, boolean htk) {
        if (htk) return 2595.0 * Math.log10(1.0 + f / 700.0);
        double m = f / F_SP;
        return f >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(f / MIN_LOG_HZ) / LOGSTEP : m;
    }

    public static double melToHz(double m, boolean htk) {
        if (htk) return 700.0 * (Math.pow(10.0, m / 2595.0) - 1.0);
        return m >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOGSTEP * (m - MIN_LOG_MEL)) : F_SP * m;
    }

    /** librosa.mel_frequencies: n points equally spaced in mel between mel(fmin) and mel(fmax), in Hz. */
    public static double[] melFrequencies(int n, double fmin, double fmax, boolean htk) {
        double[] mels = dev.segue.dsp.Spectra.linspace(hzToMel(fmin, htk), hzToMel(fmax, htk), n);
        for (int i = 0; i < n; i++) mels[i] = melToHz(mels[i], htk);
        return mels;
    }

    /** librosa.fft_frequencies: linspace(0, sr/2, 1 + n_fft/2). */
    public static double[] fftFrequencies(double sr, int nFft) {
        return dev.segue.dsp.Spectra.linspace(0, sr / 2, 1 + nFft / 2);
    }
}
