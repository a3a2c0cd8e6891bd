package dev.segue.dsp.spectral;

import dev.segue.dsp.FloatMatrix;

/**
 * librosa.filters.mel: triangular filters on the FFT bin frequencies, float32 [n_mels, 1 + n_fft/2],
 * plus each row's non-zero column range so that the product with a spectrum skips the zeros.
 */
public final class MelFilterBank {
    private final FloatMatrix weights;
    private final int[] lo, hi; // row r is non-zero only in columns [lo[r], hi[r])

    private MelFilterBank(FloatMatrix weights) {
        this.weights = weights;
        int m = weights.rows(), n = weights.cols();
        lo = new int[m];
        hi = new int[m];
        for (int r = 0; r < m; r++) {
            int a = 0, b = n;
            while (a < n && weights.data()[r * n + a] == 0f) a++;
            while (b > a && weights.data()[r * n + b - 1] == 0f) b--;
            lo[r] = a;
            hi[r] = b;
        }
    }

    /**
     * @param fmax Hz; NaN or non-positive means sr/2
     * @param slaneyNorm true for norm='slaney' (area normalisation), false for norm=None
     */
    public static MelFilterBank create(double sr, int nFft, int nMels, double fmin, double fmax, boolean htk, boolean slaneyNorm) {
        if (nMels < 1) throw new IllegalArgumentException("n_mels must be >= 1");
        if (Double.isNaN(fmax) || fmax <= 0) fmax = sr / 2;
        int bins = 1 + nFft / 2;
        double[] fft = MelScale.fftFrequencies(sr, nFft);
        double[] melF = MelScale.melFrequencies(nMels + 2, fmin, fmax, htk);
        float[] w = new float[nMels * bins];
        for (int i = 0; i < nMels; i++) {
            double d0 = melF[i + 1] - melF[i], d1 = melF[i + 2] - melF[i + 1];
            double enorm = 2.0 / (melF[i + 2] - melF[i]);
            for (int k = 0; k < bins; k++) {
                double lower = -(melF[i] - fft[k]) / d0;
                double upper = (melF[i + 2] - fft[k]) / d1;
                // librosa stores the triangle in float32, then scales in place (float32 * float64 -> float32)
                float v = (float) Math.max(0.0, Math.min(lower, upper));
                w[i * bins + k] = slaneyNorm ? (float) (v * enorm) : v;
            }
        }
        return new MelFilterBank(new FloatMatrix(nMels, bins, w));
    }

    public FloatMatrix weights() { return weights; }
    public int nMels() { return weights.rows(); }
    public int bins() { return weights.cols(); }
    /** First and one-past-last non-zero column of row r. */
    public int lo(int r) { return lo[r]; }
    public int hi(int r) { return hi[r]; }

    /** out[m] = sum_k W[m,k] * spec[k] for one frame; sums in double, stored as float32. */
    public void apply(float[] spec, float[] out) {
        int n = weights.cols();
        float[] w = weights.data();
        for (int r = 0; r < lo.length; r++) {
            double acc = 0;
            int base = r * n;
            for (int k = lo[r]; k < hi[r]; k++) acc += (double) w[base + k] * spec[k];
            out[r] = (float) acc;
        }
    }

    /** Naive reference: full dense product over every column. */
    public void applyNaive(float[] spec, float[] out) {
        int n = weights.cols();
        for (int r = 0; r < weights.rows(); r++) {
            double acc = 0;
            for (int k = 0; k < n; k++) acc += (double) weights.data()[r * n + k] * spec[k];
            out[r] = (float) acc;
        }
    }
}
