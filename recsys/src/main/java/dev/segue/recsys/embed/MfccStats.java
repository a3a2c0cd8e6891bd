package dev.segue.recsys.embed;

import dev.segue.dsp.FloatMatrix;
import dev.segue.dsp.spectral.Chroma;
import dev.segue.dsp.spectral.Dct;
import dev.segue.dsp.spectral.MelFilterBank;
import dev.segue.dsp.spectral.MelParams;
import dev.segue.dsp.spectral.MelSpectrogram;
import dev.segue.dsp.spectral.PowerToDb;
import dev.segue.dsp.spectral.Stft;
import dev.segue.dsp.spectral.StftParams;

/**
 * The "mfcc-stats" audio embedding of one clip: the mean and the (population) standard deviation over
 * time of 20 MFCCs, 12 chroma bins and 6 spectral-shape descriptors, laid out as
 * [mean(mfcc) 20 | std(mfcc) 20 | mean(chroma) 12 | std(chroma) 12 | mean(shape) 6 | std(shape) 6] = 76.
 * Shape descriptors (librosa's definitions on the magnitude spectrogram, n_fft 2048, hop 512, centred):
 * spectral centroid (Hz), bandwidth (Hz, p = 2), roll-off (85%, Hz), flatness (on power), zero-crossing
 * rate and RMS (time-domain frames). One STFT serves MFCC, chroma and shape. Values are raw; the
 * extractor standardises each dimension over the corpus.
 */
public final class MfccStats {
    private MfccStats() {}

    public static final int N_MFCC = 20, N_CHROMA = 12, N_SHAPE = 6;
    public static final int DIM = 2 * (N_MFCC + N_CHROMA + N_SHAPE);
    static final int N_FFT = 2048, HOP = 512, N_MELS = 128;
    static final double ROLL_PERCENT = 0.85;

    /** Names of the 76 dimensions, in order (for documentation and CSV headers). */
    public static String[] names() {
        String[] shape = {"centroid", "bandwidth", "rolloff", "flatness", "zcr", "rms"};
        String[] out = new String[DIM];
        int i = 0;
        for (String stat : new String[] {"mean", "std"}) for (int k = 0; k < N_MFCC; k++) out[i++] = "mfcc" + k + "_" + stat;
        for (String stat : new String[] {"mean", "std"}) for (int k = 0; k < N_CHROMA; k++) out[i++] = "chroma" + k + "_" + stat;
        for (String stat : new String[] {"mean", "std"}) for (String s : shape) out[i++] = s + "_" + stat;
        return out;
    }

    /** y: mono samples at rate sr (at least one sample). Returns the 76 raw statistics. */
    public static float[] compute(float[] y, int sr) {
        if (y.length == 0) throw new IllegalArgumentException("mfcc-stats: empty clip");
        StftParams p = StftParams.of(N_FFT, HOP);
        FloatMatrix power = Stft.spectrogram(y, p, 2.0);          // [bins, frames]
        int bins = power.rows(), frames = power.cols();

        // MFCC: dct(power_to_db(mel · S)), exactly librosa.feature.mfcc on the shared power spectrogram
        MelFilterBank bank = MelSpectrogram.bank(sr, N_FFT, MelParams.of(N_MELS));
        float[] mel = new float[N_MELS * frames], col = new float[bins], melCol = new float[N_MELS];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < bins; k++) col[k] = power.data()[k * frames + t];
            bank.apply(col, melCol);
            for (int m = 0; m < N_MELS; m++) mel[m * frames + t] = melCol[m];
        }
        FloatMatrix mfcc = Dct.dct2Ortho(PowerToDb.apply(new FloatMatrix(N_MELS, frames, mel)), N_MFCC);
        FloatMatrix chroma = Chroma.fromPower(power, sr, N_FFT, N_CHROMA, Double.NaN);

        FloatMatrix shape = new FloatMatrix(N_SHAPE, frames, new float[N_SHAPE * frames]);
        spectralShape(power, sr, shape);
        timeFrames(y, p, shape);

        float[] out = new float[DIM];
        int o = 0;
        o = meanStd(mfcc, out, o);
        o = meanStd(chroma, out, o);
        meanStd(shape, out, o);
        return out;
    }

    /** Rows 0–3 of shape: centroid, bandwidth, roll-off, flatness per frame, from the power spectrogram. */
    static void spectralShape(FloatMatrix power, int sr, FloatMatrix shape) {
        int bins = power.rows(), frames = power.cols();
        float[] s = power.data(), d = shape.data();
        double[] freq = new double[bins];
        for (int k = 0; k < bins; k++) freq[k] = (double) k * sr / N_FFT;
        double[] mag = new double[bins];
        for (int t = 0; t < frames; t++) {
            double sum = 0, logSum = 0, powSum = 0;
            for (int k = 0; k < bins; k++) {
                double pw = s[k * frames + t];
                mag[k] = Math.sqrt(pw);
                sum += mag[k];
                double pc = Math.max(pw, 1e-10);                  // librosa's amin on S**2
                logSum += Math.log(pc);
                powSum += pc;
            }
            double centroid = 0, bandwidth = 0, rolloff = 0;
            if (sum > 0) {
                for (int k = 0; k < bins; k++) centroid += freq[k] * mag[k];
                centroid /= sum;
                for (int k = 0; k < bins; k++) bandwidth += mag[k] / sum * (freq[k] - centroid) * (freq[k] - centroid);
                bandwidth = Math.sqrt(bandwidth);
                double cum = 0, thr = ROLL_PERCENT * sum;
                for (int k = 0; k < bins; k++) {
                    cum += mag[k];
                    if (cum >= thr) { rolloff = freq[k]; break; }
                }
            }
            double flatness = Math.exp(logSum / bins) / (powSum / bins);
            d[t] = (float) centroid;
            d[frames + t] = (float) bandwidth;
            d[2 * frames + t] = (float) rolloff;
            d[3 * frames + t] = (float) flatness;
        }
    }

    /** Rows 4–5 of shape: zero-crossing rate and RMS of the centred, zero-padded time frames (the STFT's framing). */
    static void timeFrames(float[] y, StftParams p, FloatMatrix shape) {
        int frames = shape.cols(), n = p.nFft(), half = n / 2;
        float[] d = shape.data();
        for (int t = 0; t < frames; t++) {
            int start = t * p.hop() - half;
            int crossings = 0;
            double sq = 0;
            float prev = 0;
            for (int k = 0; k < n; k++) {
                int i = start + k;
                float v = i >= 0 && i < y.length ? y[i] : 0f;
                sq += (double) v * v;
                if (k > 0 && (v >= 0) != (prev >= 0)) crossings++;
                prev = v;
            }
            d[4 * frames + t] = (float) crossings / n;
            d[5 * frames + t] = (float) Math.sqrt(sq / n);
        }
    }

    /** Writes the row means then the row standard deviations of m [rows, frames] at out[o…]; returns the next offset. */
    static int meanStd(FloatMatrix m, float[] out, int o) {
        int rows = m.rows(), cols = m.cols();
        for (int r = 0; r < rows; r++) {
            double sum = 0, sq = 0;
            for (int c = 0; c < cols; c++) {
                double v = m.data()[r * cols + c];
                sum += v;
                sq += v * v;
            }
            double mean = sum / cols;
            out[o + r] = (float) mean;
            out[o + rows + r] = (float) Math.sqrt(Math.max(0, sq / cols - mean * mean));
        }
        return o + 2 * rows;
    }
}
