package dev.segue.dsp.spectral;

/** Mel filter bank parameters (librosa.filters.mel); fmax NaN = sr/2. */
public record MelParams(int nMels, double fmin, double fmax, boolean htk, boolean slaneyNorm) {
    public static MelParams defaults() { return new MelParams(128, 0.0, Double.NaN, false, true); }
    public static MelParams of(int nMels) { return new MelParams(nMels, 0.0, Double.NaN, false, true); }
    public MelParams withFmax(double f) { return new MelParams(nMels, fmin, f, htk, slaneyNorm); }
    public MelParams withHtk(boolean h) { return new MelParams(nMels, fmin, fmax, h, slaneyNorm); }
}
