package dev.segue.dsp.spectral;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The float64 SIMD batched STFT path (DoubleBatchFft) against the per-frame JTransforms path. */
class BatchFftTest {
    @Test
    void batchedFramesMatchScalarFrames() {
        Assumptions.assumeTrue(dev.segue.dsp.Kernels.vectorized(), "Vector API not available");
        var rng = new java.util.Random(4);
        float[] y = new float[30001];
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.4 * Math.sin(i * 0.013) + 0.05 * rng.nextGaussian());
        for (StftParams p : new StftParams[] {StftParams.of(2048, 512), StftParams.of(512, 256).withPad(PadMode.REFLECT),
                StftParams.of(1024, 256).withWinLength(800), StftParams.of(16, 5), StftParams.of(256, 100).withCenter(false)}) {
            int bins = p.bins();
            int frames = p.frames(y.length);
            double[][] a = new double[frames][], b = new double[frames][];
            Stft.forEachFrameScalar(y, p, (t, re, im) -> a[t] = concat(re, im));
            Stft.forEachFrameBatched(y, p, (t, re, im) -> b[t] = concat(re, im));
            double peak = 0, err = 0;
            for (int t = 0; t < frames; t++)
                for (int k = 0; k < 2 * bins; k++) { peak = Math.max(peak, Math.abs(a[t][k])); err = Math.max(err, Math.abs(a[t][k] - b[t][k])); }
            assertTrue(err <= 1e-12 * peak, p + ": " + err / peak);
        }
    }

    @Test
    void batchedStftEqualsScalarStft() {
        Assumptions.assumeTrue(dev.segue.dsp.Kernels.vectorized(), "Vector API not available");
        float[] y = new float[12345];
        for (int i = 0; i < y.length; i++) y[i] = (float) Math.sin(i * 0.021) * (i % 7) / 7f;
        for (StftParams p : new StftParams[] {StftParams.of(2048, 512), StftParams.of(1024, 256).withWinLength(800)}) {
            var fast = Stft.stft(y, p);
            System.setProperty("segue.scalarFft", "true");
            try {
                var ref = Stft.stft(y, p);
                assertEquals(ref.cols(), fast.cols());
                for (int i = 0; i < ref.re().length; i++) {
                    assertEquals(ref.re()[i], fast.re()[i], 1e-5f * 50, "re " + i);
                    assertEquals(ref.im()[i], fast.im()[i], 1e-5f * 50, "im " + i);
                }
            } finally {
                System.clearProperty("segue.scalarFft");
            }
        }
    }

    @Test
    void batchedMelEqualsPerFrameMel() {
        Assumptions.assumeTrue(dev.segue.dsp.Kernels.vectorized(), "Vector API not available");
        float[] y = new float[40000];
        var rng = new java.util.Random(8);
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.2 * Math.sin(i * 0.031) + 0.05 * rng.nextGaussian());
        for (StftParams p : new StftParams[] {StftParams.of(2048, 512), StftParams.of(512, 256).withPad(PadMode.REFLECT)}) {
            var a = MelSpectrogram.compute(y, 22050, p, 2.0, MelParams.defaults(), true);
            var b = MelSpectrogram.computePerFrame(y, 22050, p, 2.0, MelParams.defaults());
            double peak = 0, err = 0;
            for (int i = 0; i < a.data().length; i++) { peak = Math.max(peak, Math.abs(b.data()[i])); err = Math.max(err, Math.abs(a.data()[i] - b.data()[i])); }
            assertTrue(err <= 1e-6 * peak, p + ": " + err / peak);
        }
    }

    static double[] concat(double[] re, double[] im) {
        double[] o = new double[re.length + im.length];
        System.arraycopy(re, 0, o, 0, re.length);
        System.arraycopy(im, 0, o, re.length, im.length);
        return o;
    }
}
