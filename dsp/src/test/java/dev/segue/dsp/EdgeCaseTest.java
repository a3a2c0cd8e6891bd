package dev.segue.dsp;

import dev.segue.dsp.resample.ResampleMode;
import dev.segue.dsp.resample.Resampler;
import dev.segue.dsp.spectral.*;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Degenerate inputs: each gives a defined result or a clear error, never an index error. */
class EdgeCaseTest {
    static final float[] ONE = {0.5f};

    @Test
    void singleSampleAndShortClips() {
        for (float[] y : new float[][] {ONE, new float[100], ramp(511), ramp(2047)}) {
            var d = Stft.stft(y, StftParams.of(2048, 512));
            assertEquals(1 + y.length / 512, d.cols());
            var r = Stft.stft(y, StftParams.of(512, 256).withPad(PadMode.REFLECT));
            assertEquals(1 + y.length / 256, r.cols());
            var m = MelSpectrogram.compute(y, 22050, StftParams.of(2048, 512), 2.0, MelParams.defaults());
            assertEquals(128, m.rows());
            var mf = Mfcc.compute(y, 22050, 20);
            assertEquals(20, mf.mfcc().rows());
            assertFinite(mf.mfcc().data());
            var lm = MusicnnFrontEnd.logMel(y);
            assertEquals(96, lm.cols());
            assertTrue(MusicnnFrontEnd.patches(lm).isEmpty());
            var c = Cqt.cqt(y, 22050, CqtParams.defaults());
            assertEquals(84, c.rows());
            assertFinite(c.re());
            var ch = Chroma.cqt(y, 22050, 512, 12, 7, 36, Double.NaN, CqtParams.defaults());
            assertFinite(ch.data());
            var cs = Chroma.stft(y, 22050, StftParams.of(2048, 512), 12, Double.NaN);
            assertFinite(cs.data());
            for (ResampleMode mode : ResampleMode.values())
                assertEquals(Resampler.outputLength(y.length, 22050, 16000), Resampler.resample(y, 22050, 16000, mode).length);
        }
    }

    @Test
    void silenceIsDefined() {
        float[] z = new float[22050];
        var db = PowerToDb.apply(MelSpectrogram.compute(z, 22050, StftParams.of(2048, 512), 2.0, MelParams.defaults()));
        for (float v : db.data()) assertEquals(-100f, v, 1e-4f);
        var ch = Chroma.stft(z, 22050, StftParams.of(2048, 512), 12, Double.NaN);
        for (float v : ch.data()) assertEquals(0f, v);
        assertEquals(0.0, Tuning.estimate(z, 22050, 12));
        var lm = MusicnnFrontEnd.logMel(java.util.Arrays.copyOf(z, 16000));
        for (float v : lm.data()) assertEquals(0f, v);
    }

    @Test
    void nanAndEmptyAreClearErrors() {
        float[] y = ramp(4000);
        y[1234] = Float.NaN;
        var e = assertThrows(IllegalArgumentException.class, () -> Stft.stft(y, StftParams.of(512, 128)));
        assertTrue(e.getMessage().contains("1234"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cqt.cqt(y, 22050, CqtParams.defaults()));
        assertThrows(IllegalArgumentException.class, () -> Resampler.resample(y, 22050, 16000, ResampleMode.HQ));
        assertThrows(IllegalArgumentException.class, () -> MusicnnFrontEnd.logMel(new float[0]));
        assertThrows(IllegalArgumentException.class, () -> Stft.stft(new float[0], StftParams.of(512, 128)));
        var nc = assertThrows(IllegalArgumentException.class, () -> Stft.stft(ramp(100), StftParams.of(512, 128).withCenter(false)));
        assertTrue(nc.getMessage().contains("n_fft"), nc.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cqt.cqt(ramp(1000), 8000, CqtParams.defaults()), "top bins above Nyquist");
        assertThrows(IllegalArgumentException.class, () -> Delta.delta(new FloatMatrix(2, 5, new float[10]), 9, 1));
    }

    static float[] ramp(int n) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) y[i] = (float) Math.sin(0.05 * i) * 0.3f;
        return y;
    }

    static void assertFinite(float[] v) { for (float x : v) assertTrue(Float.isFinite(x)); }
}
