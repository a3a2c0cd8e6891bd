package dev.segue.dsp.spectral;

import dev.segue.dsp.FloatMatrix;

/**
 * librosa.estimate_tuning: piptrack peaks (parabolic interpolation of local maxima above 0.1 x the frame max, 150-4000 Hz),
 * the peaks at or above the median peak magnitude, their deviation from the nearest bin, histogrammed at 0.01-bin resolution;
 * the most frequent deviation is the tuning (in fractions of a bin). float32 where librosa is.
 */
public final class Tuning {
    private Tuning() {}

    /** From a signal: magnitude STFT with n_fft 2048, hop 512, hann, centred, zero padding (piptrack's defaults). */
    public static double estimate(float[] y, double sr, int binsPerOctave) {
        if (y.length == 0) return 0.0;
        return estimate(Stft.spectrogram(y, StftParams.of(2048, 512), 1.0), sr, 2048, binsPerOctave);
    }

    /** From a magnitude or power spectrogram S [1 + n_fft/2, frames]. */
    public static double estimate(FloatMatrix s, double sr, int nFft, int binsPerOctave) {
        int bins = s.rows(), frames = s.cols();
        float[] S = s.data();
        double fmin = 150.0, fmax = Math.min(4000.0, sr / 2);
        double[] fftFreqs = MelScale.fftFrequencies(sr, nFft);
        float[] colMax = new float[frames];
        for (int k = 0; k < bins; k++) for (int t = 0; t < frames; t++) colMax[t] = Math.max(colMax[t], S[k * frames + t]);
        java.util.List<Float> pitches = new java.util.ArrayList<>();
        java.util.List<Float> mags = new java.util.ArrayList<>();
        for (int t = 0; t < frames; t++) {
            float ref = (float) (0.1 * colMax[t]); // threshold * np.max(S, axis=-2)
            for (int k = 1; k < bins; k++) {
                if (!(fmin <= fftFreqs[k] && fftFreqs[k] < fmax)) continue;
                // localmax of S * (S > ref): x[k] > x[k-1] and x[k] >= x[k+1] (last bin: x[k] > x[k-1]); bin 0 never
                float xk = th(S[k * frames + t], ref), xm = th(S[(k - 1) * frames + t], ref);
                boolean lm = k == bins - 1 ? xk > xm : xk > xm && xk >= th(S[(k + 1) * frames + t], ref);
                if (!lm) continue;
                float shift = 0f, avg;
                if (k < bins - 1) {
                    float xp1 = S[(k + 1) * frames + t], xm1 = S[(k - 1) * frames + t], x0 = S[k * frames + t];
                    // numba promotes the int constants: a and b are float64, the shift is stored as float32
                    double a = (double) (xp1 + xm1) - 2.0 * x0, b = (double) (xp1 - xm1) / 2;
                    shift = Math.abs(b) >= Math.abs(a) ? 0f : (float) (-b / a);
                    avg = (xp1 - xm1) / 2f;
                } else {
                    avg = S[k * frames + t] - S[(k - 1) * frames + t];
                }
                float dskew = 0.5f * avg * shift;
                float pitch = (float) ((k + shift) * sr / nFft);
                pitches.add(pitch);
                mags.add(S[k * frames + t] + dskew);
            }
        }
        int n = pitches.size();
        java.util.List<Float> sel = new java.util.ArrayList<>();
        if (n > 0) {
            float[] m = new float[n];
            int c = 0;
            for (int i = 0; i < n; i++) if (pitches.get(i) > 0) m[c++] = mags.get(i);
            float threshold = median(java.util.Arrays.copyOf(m, c));
            for (int i = 0; i < n; i++) if (pitches.get(i) > 0 && mags.get(i) >= threshold) sel.add(pitches.get(i));
        }
        return pitchTuning(sel, 0.01, binsPerOctave);
    }

    private static float th(float v, float ref) { return v > ref ? v : 0f; }

    /** np.median of float32: mean of the two middle values for an even count, in float32. */
    static float median(float[] v) {
        if (v.length == 0) return 0f;
        java.util.Arrays.sort(v);
        int h = v.length / 2;
        return v.length % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2f;
    }

    /** librosa.pitch_tuning: histogram peak of the residuals bpo*log2(f/(440/16)) mod 1, folded to [-0.5, 0.5). */
    static double pitchTuning(java.util.List<Float> freqs, double resolution, int bpo) {
        int nb = (int) Math.ceil(1.0 / resolution);
        double[] edges = dev.segue.dsp.Spectra.linspace(-0.5, 0.5, nb + 1);
        int[] counts = new int[nb];
        boolean any = false;
        float ref = (float) (440.0 / 16);
        for (float f : freqs) {
            if (!(f > 0)) continue;
            any = true;
            float octs = (float) (Math.log((double) (f / ref)) / Math.log(2)); // float32 log2 of a float32 ratio
            float r = floorMod1((float) (bpo * octs));
            if (r >= 0.5f) r -= 1.0f;
            int i = bin(edges, r);
            if (i >= 0) counts[i]++;
        }
        if (!any) return 0.0;
        int best = 0;
        for (int i = 1; i < nb; i++) if (counts[i] > counts[best]) best = i;
        return edges[best];
    }

    /** numpy float32 mod 1.0 (result has the sign of the divisor). */
    private static float floorMod1(float x) {
        float r = x % 1.0f;
        if (r < 0) r += 1.0f;
        if (r == 1.0f) r = 0f;
        return r;
    }

    /** np.histogram's bin of x: edges[i] <= x < edges[i+1], the last bin closed; -1 outside. */
    private static int bin(double[] edges, double x) {
        int n = edges.length - 1;
        if (x < edges[0] || x > edges[n]) return -1;
        int lo = 0, hi = n; // find largest i with edges[i] <= x
        while (hi - lo > 1) { int mid = (lo + hi) >>> 1; if (edges[mid] <= x) lo = mid; else hi = mid; }
        return Math.min(lo, n - 1);
    }
}
