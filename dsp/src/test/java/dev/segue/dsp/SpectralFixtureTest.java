package dev.segue.dsp;

import dev.segue.dsp.spectral.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** STFT, mel, dB, MFCC and the MusiCNN front end against librosa's outputs. */
class SpectralFixtureTest {

    static List<String> stftCases() { return Fixture.names("stft__"); }
    static List<String> melFilterCases() { return Fixture.names("filters_mel__"); }
    static List<String> melCases() { return Fixture.names("melspectrogram__"); }
    static List<String> dbCases() { return Fixture.names("power_to_db__"); }
    static List<String> mfccCases() { return Fixture.names("mfcc__"); }
    static List<String> musicnnCases() { return Fixture.names("musicnn_frontend__"); }

    static StftParams stftParams(Fixture f) {
        var p = f.params();
        int nFft = ((Number) p.get("n_fft")).intValue();
        int hop = ((Number) p.get("hop_length")).intValue();
        Object wl = p.get("win_length");
        return new StftParams(nFft, hop, wl == null ? nFft : ((Number) wl).intValue(), Window.parse((String) p.get("window")),
                (Boolean) p.get("center"), PadMode.parse((String) p.get("pad_mode")));
    }

    static MelParams melParams(Fixture f) {
        var p = f.params();
        Object fmax = p.get("fmax");
        Object norm = p.containsKey("mel_norm") ? p.get("mel_norm") : p.get("norm");
        return new MelParams(((Number) p.get("n_mels")).intValue(), ((Number) p.get("fmin")).doubleValue(),
                fmax == null ? Double.NaN : ((Number) fmax).doubleValue(), (Boolean) p.get("htk"), "slaney".equals(norm));
    }

    @ParameterizedTest @MethodSource("stftCases")
    void stft(String name) {
        Fixture f = Fixture.load(name);
        StftParams p = stftParams(f);
        float[] y = f.floats("y");
        var d = Stft.stft(y, p);
        Compare.shape(f, "D.re", d.rows(), d.cols());
        Compare.check(f, "D", Compare.errComplex(d.re(), d.im(), f.floats("D.re"), f.floats("D.im")), 1e-5);
        double[] w = p.window().padded(p.winLength(), p.nFft());
        assertTrue(Compare.err(w, f.doubles("window")).maxAbs() < 1e-15, "window");
    }

    @ParameterizedTest @MethodSource("melFilterCases")
    void melFilters(String name) {
        Fixture f = Fixture.load(name);
        var p = f.params();
        Object fmax = p.get("fmax");
        var bank = MelFilterBank.create(f.param("sr"), (int) f.param("n_fft"), (int) f.param("n_mels"), f.param("fmin"),
                fmax == null ? Double.NaN : ((Number) fmax).doubleValue(), (Boolean) p.get("htk"), "slaney".equals(p.get("norm")));
        Compare.shape(f, "mel_basis", bank.nMels(), bank.bins());
        Compare.check(f, "mel_basis", Compare.err(bank.weights().data(), f.floats("mel_basis")), 1e-5);
    }

    @ParameterizedTest @MethodSource("melCases")
    void melspectrogram(String name) {
        Fixture f = Fixture.load(name);
        var s = MelSpectrogram.compute(f.floats("y"), f.sr(), stftParams(f), f.param("power"), melParams(f));
        Compare.shape(f, "S", s.rows(), s.cols());
        Compare.check(f, "S", Compare.err(s.data(), f.floats("S")), 1e-5);
    }

    @ParameterizedTest @MethodSource("dbCases")
    void powerToDb(String name) {
        Fixture f = Fixture.load(name);
        int[] sh = f.shape("S");
        FloatMatrix s = new FloatMatrix(sh[0], sh[1], f.floats("S"));
        Object ref = f.params().get("ref");
        PowerToDb.Ref r = "np.max".equals(ref) ? new PowerToDb.Max() : new PowerToDb.Fixed(((Number) ref).doubleValue());
        var db = PowerToDb.apply(s, r, f.param("amin"), f.param("top_db"));
        Compare.checkAbs(f, "S_db", Compare.err(db.data(), f.floats("S_db")));
    }

    @ParameterizedTest @MethodSource("mfccCases")
    void mfcc(String name) {
        Fixture f = Fixture.load(name);
        var r = Mfcc.compute(f.floats("y"), f.sr(), (int) f.param("n_mfcc"), stftParams(f), melParams(f));
        Compare.shape(f, "mfcc", r.mfcc().rows(), r.mfcc().cols());
        Compare.checkAbs(f, "log_mel_db", Compare.err(r.logMelDb().data(), f.floats("log_mel_db")));
        Compare.check(f, "mfcc", Compare.err(r.mfcc().data(), f.floats("mfcc")), 1e-5);
    }

    @ParameterizedTest @MethodSource("musicnnCases")
    void musicnn(String name) {
        Fixture f = Fixture.load(name);
        float[] y = f.floats("y");
        var mel = MusicnnFrontEnd.melPower(y);
        Compare.check(f, "mel_power", Compare.err(mel.data(), f.floats("mel_power")), 1e-5);
        var lm = MusicnnFrontEnd.logMel(y);
        Compare.shape(f, "logmel", lm.rows(), lm.cols());
        float[] ref = f.floats("logmel");
        Compare.checkAbs(f, "logmel", Compare.err(lm.data(), ref));
        int off = 0;
        for (int i = 0; i < ref.length; i++) if (Math.abs(lm.data()[i] - ref[i]) > 1e-5) off++;
        assertTrue(off <= ref.length / 1000, name + ": " + off + " of " + ref.length + " log-mel values differ by > 1e-5");
        var e = Compare.err(lm.data(), ref);
        assertTrue(e.relL2() <= 1e-5, name + " logmel relL2 " + e);
        var patches = MusicnnFrontEnd.patches(lm);
        assertEquals(lm.rows() / 187, patches.size());
        if (!patches.isEmpty()) assertEquals(lm.data()[96 * 186 + 5], patches.get(0).get(186, 5));
    }

    @Test
    void frequencies() {
        Fixture m = Fixture.load("mel_frequencies__n128_fmax11025");
        double[] mf = MelScale.melFrequencies(128, 0, 11025, false);
        assertTrue(Compare.err(mf, m.doubles("freqs")).peakRel() <= 1e-12, "mel_frequencies");
        Fixture ff = Fixture.load("fft_frequencies__sr22050_n2048");
        assertTrue(Compare.err(MelScale.fftFrequencies(22050, 2048), ff.doubles("freqs")).peakRel() <= 1e-12, "fft_frequencies");
    }

    @Test
    void halfRounding() {
        assertEquals(1.0f, Spectra.roundToHalf(1.0f));
        assertEquals(1.0f, Spectra.roundToHalf(1.0f + 0x1p-11f)); // tie -> even
        assertEquals(1.0f + 0x1p-9f, Spectra.roundToHalf(1.0f + 0x1p-10f + 0x1p-11f)); // tie -> even (up)
        assertEquals(0x1p-24f, Spectra.roundToHalf(0x1p-24f)); // smallest subnormal kept
        assertEquals(0f, Spectra.roundToHalf(0x1p-26f));
        assertEquals(65504f, Spectra.roundToHalf(65504f));
        assertEquals(Float.POSITIVE_INFINITY, Spectra.roundToHalf(70000f));
    }

    @Test
    void istftInvertsStft() {
        float[] y = new float[5000];
        var rng = new java.util.Random(1);
        for (int i = 0; i < y.length; i++) y[i] = (float) rng.nextGaussian();
        for (StftParams p : new StftParams[] {StftParams.of(512, 128), StftParams.of(511, 128), StftParams.of(1024, 256).withWinLength(800)}) {
            float[] back = Stft.istft(Stft.stft(y, p), p, y.length);
            assertTrue(Compare.err(back, y).peakRel() < 1e-5, "istft " + p + " " + Compare.err(back, y));
        }
    }

    @Test
    void deltaOfLinearRampIsItsSlope() {
        int n = 20;
        float[] x = new float[2 * n];
        for (int t = 0; t < n; t++) { x[t] = 3f * t + 1; x[n + t] = 0.5f * t * t; }
        var d1 = Delta.delta(new FloatMatrix(2, n, x), 9, 1);
        var d2 = Delta.delta(new FloatMatrix(2, n, x), 9, 2);
        for (int t = 0; t < n; t++) {
            assertEquals(3f, d1.get(0, t), 1e-4);
            assertEquals(0f, d2.get(0, t), 1e-4);
            assertEquals(1f, d2.get(1, t), 1e-4);
        }
        // interior first derivative of t^2/2 is t
        assertEquals(10f, d1.get(1, 10), 1e-4);
    }

    @Test
    void dctMatchesNaiveSum() {
        int n = 40, frames = 3;
        float[] x = new float[n * frames];
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(i * 0.37);
        var d = Dct.dct2Ortho(new FloatMatrix(n, frames, x), 13);
        for (int k = 0; k < 13; k++) for (int t = 0; t < frames; t++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += x[i * frames + t] * Math.cos(Math.PI * k * (i + 0.5) / n);
            s *= k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
            assertEquals(s, d.get(k, t), 1e-5);
        }
    }

    @Test
    void melSparseProductMatchesDense() {
        var bank = MelFilterBank.create(22050, 2048, 128, 0, Double.NaN, false, true);
        float[] spec = new float[1025];
        for (int i = 0; i < spec.length; i++) spec[i] = (float) Math.abs(Math.sin(i));
        float[] a = new float[128], b = new float[128];
        bank.apply(spec, a);
        bank.applyNaive(spec, b);
        assertArrayEquals(b, a, 0f);
    }
}
