package dev.segue.dsp.spectral;

import dev.segue.dsp.ComplexMatrix;
import dev.segue.dsp.FloatMatrix;

/** librosa.feature.chroma_stft and chroma_cqt, [n_chroma, frames] with row 0 = C, each frame scaled to max 1 (norm=inf). */
public final class Chroma {
    private Chroma() {}

    /** librosa.filters.chroma (ctroct 5, octwidth 2, column norm 2, base C), float32 [n_chroma, 1 + n_fft/2]. */
    public static FloatMatrix stftFilters(double sr, int nFft, int nChroma, double tuning) {
        double ctroct = 5.0, octwidth = 2.0;
        double a440 = 440.0 * Math.pow(2.0, tuning / nChroma);
        double[] frq = new double[nFft];
        for (int k = 1; k < nFft; k++) {
            double f = k * ((double) sr / nFft);
            frq[k] = nChroma * (Math.log(f / (a440 / 16)) / Math.log(2));
        }
        frq[0] = frq[1] - 1.5 * nChroma;
        double[] width = new double[nFft];
        for (int k = 0; k < nFft - 1; k++) width[k] = Math.max(frq[k + 1] - frq[k], 1.0);
        width[nFft - 1] = 1;
        double half = Math.rint(nChroma / 2.0);
        int bins = nFft / 2 + 1;
        double[][] w = new double[nChroma][bins];
        for (int k = 0; k < bins; k++) {
            double norm = 0;
            for (int c = 0; c < nChroma; c++) {
                double d = frq[k] - c + half + 10.0 * nChroma;
                d = d - Math.floor(d / nChroma) * nChroma - half; // np.remainder then shift
                double v = Math.exp(-0.5 * Math.pow(2 * d / width[k], 2));
                w[c][k] = v;
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            double oct = Math.exp(-0.5 * Math.pow((frq[k] / nChroma - ctroct) / octwidth, 2));
            for (int c = 0; c < nChroma; c++) w[c][k] = (norm < Double.MIN_NORMAL ? w[c][k] : w[c][k] / norm) * oct;
        }
        int roll = 3 * (nChroma / 12); // np.roll(wts, -roll, axis=0): row c takes row c + roll
        float[] out = new float[nChroma * bins];
        for (int c = 0; c < nChroma; c++)
            for (int k = 0; k < bins; k++) out[c * bins + k] = (float) w[Math.floorMod(c + roll, nChroma)][k];
        return new FloatMatrix(nChroma, bins, out);
    }

    /** chroma_stft on a power spectrogram; tuning NaN = estimate from S. */
    public static FloatMatrix fromPower(FloatMatrix power, double sr, int nFft, int nChroma, double tuning) {
        if (Double.isNaN(tuning)) tuning = Tuning.estimate(power, sr, nFft, nChroma);
        FloatMatrix fb = stftFilters(sr, nFft, nChroma, tuning);
        return normalizeMax(product(fb, power));
    }

    public static FloatMatrix stft(float[] y, double sr, StftParams p, int nChroma, double tuning) {
        return fromPower(Stft.spectrogram(y, p, 2.0), sr, p.nFft(), nChroma, tuning);
    }

    /** The tuning chroma_stft would use (for callers that report it). */
    public static double stftTuning(float[] y, double sr, StftParams p, int nChroma) {
        return Tuning.estimate(Stft.spectrogram(y, p, 2.0), sr, p.nFft(), nChroma);
    }

    /** librosa.filters.cq_to_chroma with fmin = C1 (base C): [n_chroma, nInput]. */
    public static FloatMatrix cqToChroma(int nInput, int bpo, int nChroma, double fmin) {
        if (bpo % nChroma != 0) throw new IllegalArgumentException("bins_per_octave=" + bpo + " must be a multiple of n_chroma=" + nChroma);
        int merge = bpo / nChroma;
        double midi0 = 12 * (Math.log(fmin) / Math.log(2) - Math.log(440.0) / Math.log(2)) + 69;
        midi0 = midi0 - Math.floor(midi0 / 12) * 12;
        int roll = (int) Math.rint(midi0 * (nChroma / 12.0));
        float[] out = new float[nChroma * nInput];
        for (int c = 0; c < nChroma; c++) {
            int src = Math.floorMod(c - roll, nChroma); // np.roll(axis=0) by +roll
            for (int j = 0; j < nInput; j++) {
                // repeat(eye, merge) rolled left by merge//2, tiled per octave
                int col = Math.floorMod(j % bpo + merge / 2, bpo);
                if (col / merge == src) out[c * nInput + j] = 1f;
            }
        }
        return new FloatMatrix(nChroma, nInput, out);
    }

    /** chroma_cqt: |CQT| with n_octaves * bpo bins from C1, folded to chroma, threshold 0, max-normalised. */
    public static FloatMatrix cqt(float[] y, double sr, int hop, int nChroma, int nOctaves, int bpo, double tuning, CqtParams base) {
        CqtParams p = base.withHop(hop).withBins(nOctaves * bpo, bpo).withTuning(tuning);
        ComplexMatrix c = Cqt.cqt(y, sr, p);
        return fromCqtMagnitude(c.magnitude(), bpo, nChroma, p.fmin());
    }

    public static FloatMatrix fromCqtMagnitude(FloatMatrix mag, int bpo, int nChroma, double fmin) {
        FloatMatrix ch = product(cqToChroma(mag.rows(), bpo, nChroma, fmin), mag);
        float[] d = ch.data();
        for (int i = 0; i < d.length; i++) if (d[i] < 0f) d[i] = 0f;
        return normalizeMax(ch);
    }

    /** [a, k] x [k, t] -> [a, t], sums in double, stored float32. */
    static FloatMatrix product(FloatMatrix a, FloatMatrix b) {
        int m = a.rows(), k = a.cols(), n = b.cols();
        if (b.rows() != k) throw new IllegalArgumentException("shape mismatch " + m + "x" + k + " @ " + b.rows() + "x" + n);
        float[] out = new float[m * n];
        double[] acc = new double[n];
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(acc, 0);
            for (int j = 0; j < k; j++) {
                double w = a.data()[i * k + j];
                if (w == 0) continue;
                int base = j * n;
                for (int t = 0; t < n; t++) acc[t] += w * b.data()[base + t];
            }
            for (int t = 0; t < n; t++) out[i * n + t] = (float) acc[t];
        }
        return new FloatMatrix(m, n, out);
    }

    /** util.normalize(norm=inf, axis=0): each column divided by its max |value|; columns below float32 tiny left as they are. */
    static FloatMatrix normalizeMax(FloatMatrix x) {
        int m = x.rows(), n = x.cols();
        float[] d = x.data(), out = new float[d.length];
        for (int t = 0; t < n; t++) {
            double mx = 0;
            for (int i = 0; i < m; i++) mx = Math.max(mx, Math.abs(d[i * n + t]));
            if (mx < Float.MIN_NORMAL) mx = 1;
            for (int i = 0; i < m; i++) out[i * n + t] = (float) (d[i * n + t] / mx);
        }
        return new FloatMatrix(m, n, out);
    }
}
