package dev.segue.dsp.spectral;

import dev.segue.dsp.FloatMatrix;

/** librosa.feature.mfcc (dct_type 2, norm 'ortho', no lifter) on power_to_db(melspectrogram) with ref 1, amin 1e-10, top_db 80. */
public final class Mfcc {
    private Mfcc() {}

    /** Both the coefficients [n_mfcc, frames] and the dB mel spectrogram [n_mels, frames] they came from. */
    public record Result(FloatMatrix mfcc, FloatMatrix logMelDb) {}

    public static Result compute(float[] y, double sr, int nMfcc, StftParams p, MelParams m) {
        FloatMatrix db = PowerToDb.apply(MelSpectrogram.compute(y, sr, p, 2.0, m, true));
        return new Result(Dct.dct2Ortho(db, nMfcc), db);
    }

    public static Result compute(float[] y, double sr, int nMfcc) {
        return compute(y, sr, nMfcc, StftParams.of(2048, 512), MelParams.defaults());
    }
}
