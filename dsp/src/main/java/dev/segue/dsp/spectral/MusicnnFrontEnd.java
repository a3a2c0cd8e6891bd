package dev.segue.dsp.spectral;

import dev.segue.dsp.FloatMatrix;
import dev.segue.dsp.Spectra;

import java.util.ArrayList;
import java.util.List;

/**
 * The MusiCNN input: 16 kHz, n_fft 512, hop 256, 96 Slaney mel bands, power 2, reflect centre padding; mel values
 * rounded to IEEE half and back, then log10(10000 x + 1). Layout [frames, 96] (time-major, as musicnn feeds its model).
 */
public final class MusicnnFrontEnd {
    private MusicnnFrontEnd() {}

    public static final int SAMPLE_RATE = 16000, N_FFT = 512, HOP = 256, N_MELS = 96, PATCH_FRAMES = 187;
    public static final StftParams STFT = new StftParams(N_FFT, HOP, N_FFT, Window.HANN, true, PadMode.REFLECT);
    public static final MelParams MEL = MelParams.of(N_MELS);

    /** Mel power [96, frames] (musicnn's librosa melspectrogram). */
    public static FloatMatrix melPower(float[] y16k) { return MelSpectrogram.compute(y16k, SAMPLE_RATE, STFT, 2.0, MEL, true); }

    /** Log-mel [frames, 96] from the 16 kHz signal. */
    public static FloatMatrix logMel(float[] y16k) {
        if (y16k.length == 0) throw new IllegalArgumentException("musicnn front end: empty signal");
        FloatMatrix s = melPower(y16k).transpose();
        float[] d = s.data();
        float[] o = new float[d.length];
        for (int i = 0; i < d.length; i++) o[i] = LogCompression.apply(Spectra.roundToHalf(d[i]), 10000f);
        return new FloatMatrix(s.rows(), s.cols(), o);
    }

    /** Non-overlapping patches of 187 frames, each [187, 96]; the last partial patch is dropped (musicnn batch_data). */
    public static List<FloatMatrix> patches(FloatMatrix logMel) {
        List<FloatMatrix> out = new ArrayList<>();
        int n = logMel.cols();
        for (int start = 0; start + PATCH_FRAMES <= logMel.rows(); start += PATCH_FRAMES) {
            float[] p = new float[PATCH_FRAMES * n];
            System.arraycopy(logMel.data(), start * n, p, 0, p.length);
            out.add(new FloatMatrix(PATCH_FRAMES, n, p));
        }
        return out;
    }
}
