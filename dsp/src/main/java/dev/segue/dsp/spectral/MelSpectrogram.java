package dev.segue.dsp.spectral;

import dev.segue.dsp.FloatMatrix;

/** librosa.feature.melspectrogram: mel_basis @ |STFT|^power, [n_mels, frames]. */
public final class MelSpectrogram {
    private MelSpectrogram() {}

    private static final java.util.Map<String, MelFilterBank> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Filter banks are immutable, so the few distinct ones a process uses are built once. */
    public static MelFilterBank bank(double sr, int nFft, MelParams m) {
        String key = sr + "/" + nFft + "/" + m;
        return CACHE.computeIfAbsent(key, k -> MelFilterBank.create(sr, nFft, m.nMels(), m.fmin(), m.fmax(), m.htk(), m.slaneyNorm()));
    }

    /**
     * [n_mels, frames]. Power 2 with a power-of-two n_fft runs the float32 SIMD path (peak-relative error ~5e-7 against
     * librosa, like its complex64 STFT); use {@link #compute(float[], double, StftParams, double, MelParams, boolean)}
     * with precise=true when the result goes through a logarithm.
     */
    public static FloatMatrix compute(float[] y, double sr, StftParams p, double power, MelParams m) {
        return compute(y, sr, p, power, m, false);
    }

    /**
     * @param precise float64 FFT lanes: every band keeps ~1e-7 relative precision however far it lies below the frame's
     *     peak (a float32 FFT's rounding noise sits ~140 dB below the frame's energy, so bands 60-80 dB down would carry
     *     1e-5-level relative errors: 1e-4 dB in power_to_db). For dB / log-compressed features (MFCC, log-mel, MusiCNN).
     */
    public static FloatMatrix compute(float[] y, double sr, StftParams p, double power, MelParams m, boolean precise) {
        if (!precise && power == 2.0 && Stft.floatBatched(p)) {
            // float32 SIMD path: 16 frames per vector, |X|^2 fused into the FFT's unpack, sparse mel sums
            MelFilterBank bank = bank(sr, p.nFft(), m);
            Stft.validate(y, p);
            int frames = p.frames(y.length);
            float[] out = new float[bank.nMels() * frames];
            float[] scratch = new float[p.bins() * FloatBatchFft.L];
            Stft.forEachBatchF(y, p, (t0, nb, fft) -> FloatBatchMel.apply(fft, t0, nb, bank, scratch, out, frames));
            return new FloatMatrix(bank.nMels(), frames, out);
        }
        if (power == 2.0 && Stft.batched(p)) {
            // float64 SIMD path: |X|^2 and the mel sums for 8 frames per vector (from the float64 spectrum; agrees with
            // the per-frame path, which squares the complex64 values, to ~1e-7)
            MelFilterBank bank = bank(sr, p.nFft(), m);
            Stft.validate(y, p);
            int frames = p.frames(y.length);
            float[] out = new float[bank.nMels() * frames];
            double[] scratch = new double[p.bins() * DoubleBatchFft.L];
            Stft.forEachBatch(y, p, (t0, nb, fft) -> BatchMel.apply(fft, t0, nb, bank, scratch, out, frames));
            return new FloatMatrix(bank.nMels(), frames, out);
        }
        return computePerFrame(y, sr, p, power, m);
    }

    /** Reference path: one frame at a time, |D|^2 from the complex64-rounded spectrum. */
    static FloatMatrix computePerFrame(float[] y, double sr, StftParams p, double power, MelParams m) {
        MelFilterBank bank = bank(sr, p.nFft(), m);
        int nm = bank.nMels();
        int frames = p.frames(y.length);
        float[] out = new float[nm * frames];
        float[] mel = new float[nm];
        float[] spec = new float[p.bins()];
        int bins = p.bins(), nFft = p.nFft();
        boolean squared = power == 2.0;
        Stft.forEachFrame(y, p, (t, re, im) -> {
            if (squared) {
                // |D|^2 of the complex64 spectrum straight from the squares (a loop C2 vectorises); librosa squares the
                // float32 modulus instead, which differs by at most an ulp or two
                for (int k = 0; k < bins; k++) {
                    double r = (float) re[k], i = (float) im[k];
                    spec[k] = (float) (r * r + i * i);
                }
            } else {
                for (int k = 0; k < bins; k++) spec[k] = dev.segue.dsp.Spectra.pow(dev.segue.dsp.Spectra.abs((float) re[k], (float) im[k]), power);
            }
            bank.apply(spec, mel);
            for (int r = 0; r < nm; r++) out[r * frames + t] = mel[r];
        });
        return new FloatMatrix(nm, frames, out);
    }
}
