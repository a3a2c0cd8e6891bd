package dev.segue.dsp;

import dev.segue.dsp.resample.ResampleMode;
import dev.segue.dsp.spectral.*;

import java.util.Locale;

/**
 * Named features with librosa's parameters and defaults, as the CLI and benchmarks ask for them.
 * Layout is librosa's: [bins, frames]; complex results [2, bins, frames] (re, im); MusiCNN [frames, 96].
 */
public final class Features {
    private Features() {}

    public enum Kind {
        STFT, MEL, LOGMEL, MFCC, MFCC_DELTAS, CQT, CHROMA_CQT, CHROMA_STFT, MUSICNN;

        public static Kind parse(String s) {
            try { return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_')); }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown feature '" + s + "' (stft, mel, logmel, mfcc, mfcc-deltas, cqt, chroma-cqt, chroma-stft, musicnn)");
            }
        }
    }

    /**
     * Every parameter; NaN / 0 / null mean "librosa's default for this feature" (fmin: 0 Hz for mel, C1 for CQT;
     * bins per octave: 12 for cqt, 36 for chroma-cqt; n_bins: 84 for cqt, 7 octaves for chroma-cqt; tuning: 0 for cqt,
     * estimated for chroma).
     */
    public record Options(int nFft, int hop, int winLength, Window window, boolean center, PadMode padMode, double power,
                          int nMels, double fmin, double fmax, boolean htk, boolean slaneyNorm, int nMfcc,
                          int binsPerOctave, int nBins, double tuning, int nChroma, boolean magnitude, ResampleMode resampler) {
        public static Options defaults() {
            return new Options(2048, 512, 0, Window.HANN, true, PadMode.CONSTANT, 2.0, 128, Double.NaN, Double.NaN, false, true,
                    20, 0, 0, Double.NaN, 12, false, ResampleMode.HQ);
        }

        StftParams stft() { return new StftParams(nFft, hop, winLength, window, center, padMode); }
        MelParams mel() { return new MelParams(nMels, Double.isNaN(fmin) ? 0.0 : fmin, fmax, htk, slaneyNorm); }
    }

    /** A computed feature: shape and row-major float32 data. */
    public record Result(int[] shape, float[] data) {}

    public static Result compute(Kind kind, float[] y, int sr, Options o) {
        switch (kind) {
            case STFT: {
                if (!o.magnitude()) {
                    // [2, bins, frames] written by the STFT directly (no ComplexMatrix copy)
                    StftParams sp = o.stft();
                    return new Result(new int[] {2, sp.bins(), sp.frames(y.length)}, Stft.stftPlanes(y, sp));
                }
                ComplexMatrix d = Stft.stft(y, o.stft());
                return complex(d, o.magnitude());
            }
            case MEL: return of(MelSpectrogram.compute(y, sr, o.stft(), o.power(), o.mel()));
            case LOGMEL: return of(PowerToDb.apply(MelSpectrogram.compute(y, sr, o.stft(), o.power(), o.mel(), true)));
            case MFCC: return of(Mfcc.compute(y, sr, o.nMfcc(), o.stft(), o.mel()).mfcc());
            case MFCC_DELTAS: {
                // [3 n_mfcc, frames]: the coefficients, then librosa.feature.delta (width 9) of order 1 and 2
                FloatMatrix m = Mfcc.compute(y, sr, o.nMfcc(), o.stft(), o.mel()).mfcc();
                FloatMatrix d1 = Delta.delta(m, 9, 1), d2 = Delta.delta(m, 9, 2);
                float[] d = new float[3 * m.data().length];
                System.arraycopy(m.data(), 0, d, 0, m.data().length);
                System.arraycopy(d1.data(), 0, d, m.data().length, m.data().length);
                System.arraycopy(d2.data(), 0, d, 2 * m.data().length, m.data().length);
                return new Result(new int[] {3 * m.rows(), m.cols()}, d);
            }
            case CQT: {
                int bpo = o.binsPerOctave() > 0 ? o.binsPerOctave() : 12;
                int nBins = o.nBins() > 0 ? o.nBins() : 7 * bpo;
                CqtParams p = new CqtParams(o.hop(), Double.isNaN(o.fmin()) ? CqtParams.C1 : o.fmin(), nBins, bpo,
                        Double.isNaN(o.tuning()) ? 0.0 : o.tuning(), 1.0, 0.01, true, PadMode.CONSTANT, o.resampler());
                return complex(Cqt.cqt(y, sr, p), o.magnitude());
            }
            case CHROMA_CQT: {
                int bpo = o.binsPerOctave() > 0 ? o.binsPerOctave() : 36;
                int nOct = o.nBins() > 0 ? (o.nBins() + bpo - 1) / bpo : 7;
                double fmin = Double.isNaN(o.fmin()) ? CqtParams.C1 : o.fmin();
                CqtParams base = CqtParams.defaults().withFmin(fmin).withResampler(o.resampler());
                return of(Chroma.cqt(y, sr, o.hop(), o.nChroma(), nOct, bpo, o.tuning(), base));
            }
            case CHROMA_STFT: return of(Chroma.stft(y, sr, o.stft(), o.nChroma(), o.tuning()));
            case MUSICNN: {
                float[] x = sr == MusicnnFrontEnd.SAMPLE_RATE ? y
                        : dev.segue.dsp.resample.Resampler.resample(y, sr, MusicnnFrontEnd.SAMPLE_RATE, o.resampler());
                return of(MusicnnFrontEnd.logMel(x));
            }
            default: throw new AssertionError(kind);
        }
    }

    private static Result of(FloatMatrix m) { return new Result(new int[] {m.rows(), m.cols()}, m.data()); }

    private static Result complex(ComplexMatrix c, boolean magnitude) {
        if (magnitude) return of(c.magnitude());
        float[] d = new float[2 * c.re().length];
        System.arraycopy(c.re(), 0, d, 0, c.re().length);
        System.arraycopy(c.im(), 0, d, c.re().length, c.im().length);
        return new Result(new int[] {2, c.rows(), c.cols()}, d);
    }
}
