package dev.segue.dsp.spectral;

import dev.segue.dsp.ComplexMatrix;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The float32 batched STFT / mel paths against the per-frame JTransforms float64 reference, on random inputs. */
class FloatBatchFftTest {
    /** Reference STFT: one JTransforms float64 FFT per frame, [bins, frames]. */
    static double[][] reference(float[] y, StftParams p) {
        int bins = p.bins(), frames = p.frames(y.length);
        double[] re = new double[bins * frames], im = new double[bins * frames];
        Stft.forEachFrameScalar(y, p, (t, r, i) -> {
            for (int k = 0; k < bins; k++) { re[k * frames + t] = r[k]; im[k * frames + t] = i[k]; }
        });
        return new double[][] {re, im};
    }

    static float[] noise(int n, long seed) {
        var rng = new java.util.Random(seed);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) y[i] = (float) (rng.nextGaussian() * 0.3 + 0.2 * Math.sin(i * 0.05));
        return y;
    }

    /** Peak-relative max error of the complex STFT against the reference. */
    static double err(ComplexMatrix c, double[][] ref) {
        double peak = 0, e = 0;
        for (int i = 0; i < ref[0].length; i++) {
            peak = Math.max(peak, Math.hypot(ref[0][i], ref[1][i]));
            e = Math.max(e, Math.hypot(c.re()[i] - ref[0][i], c.im()[i] - ref[1][i]));
        }
        return e / Math.max(peak, 1e-30);
    }

    @Test
    void everyPowerOfTwoMatchesJTransforms() {
        Assumptions.assumeTrue(dev.segue.dsp.Kernels.vectorized(), "Vector API not available");
        int seed = 1;
        for (int n = 16; n <= 8192; n *= 2) {
            for (int hop : new int[] {n / 4, n / 2 + 3, Math.max(7, n / 64)}) {
                for (PadMode pad : PadMode.values()) {
                    for (boolean center : new boolean[] {true, false}) {
                        float[] y = noise(n * 5 + 37 * seed, seed++);
                        StftParams p = new StftParams(n, hop, n, Window.HANN, center, pad);
                        assertTrue(Stft.floatBatched(p));
                        ComplexMatrix c = Stft.stft(y, p);
                        double e = err(c, reference(y, p));
                        assertTrue(e < 2e-6, p + ": peak-relative error " + e);
                        // DC and Nyquist are exactly real
                        for (int t = 0; t < c.cols(); t++) {
                            assertEquals(0f, c.im()[t]);
                            assertEquals(0f, c.im()[(c.rows() - 1) * c.cols() + t]);
                        }
                    }
                }
            }
        }
    }

    /** The float64 twin (DoubleBatchFft, through the per-frame API) against JTransforms, every power of two. */
    @Test
    void doubleLanesMatchJTransformsToRounding() {
        Assumptions.assumeTrue(dev.segue.dsp.Kernels.vectorized(), "Vector API not available");
        int seed = 100;
        for (int n = 16; n <= 8192; n *= 2)
            for (int hop : new int[] {n / 4, n / 2 + 3, Math.max(5, n / 64)})
                for (PadMode pad : PadMode.values())
                    for (boolean center : new boolean[] {true, false}) {
                        float[] y = noise(n * 3 + 41 * seed, seed++);
                        StftParams p = new StftParams(n, hop, n, Window.HAMMING, center, pad);
                        int bins = p.bins(), frames = p.frames(y.length);
                        double[][] a = new double[frames][], b = new double[frames][];
                        Stft.forEachFrameScalar(y, p, (t, re, im) -> a[t] = BatchFftTest.concat(re, im));
                        Stft.forEachFrameBatched(y, p, (t, re, im) -> b[t] = BatchFftTest.concat(re, im));
                        double peak = 0, err = 0;
                        for (int t = 0; t < frames; t++)
                            for (int k = 0; k < 2 * bins; k++) { peak = Math.max(peak, Math.abs(a[t][k])); err = Math.max(err, Math.abs(a[t][k] - b[t][k])); }
                        assertTrue(err <= 1e-12 * peak, p + ": " + err / peak);
                    }
    }

    /**
     * Both stage plans of both FFTs (radix 4 only, as on JDK 17, and radix 4 + radix 8, as on JDK 21+: see
     * BatchFftPlan.RADIX8) against JTransforms, every power of two, whichever the running JDK picks by default.
     */
    @Test
    void bothStagePlansMatchJTransforms() {
        Assumptions.assumeTrue(dev.segue.dsp.Kernels.vectorized(), "Vector API not available");
        int seed = 300;
        for (boolean radix8 : new boolean[] {false, true})
            for (int n = 16; n <= 8192; n *= 2) {
                float[] y = noise(n * 4 + 29 * seed, seed++);
                StftParams p = new StftParams(n, n / 4 + 1, n, Window.HANN, true, PadMode.REFLECT);
                int bins = p.bins(), frames = p.frames(y.length);
                double[][] ref = reference(y, p);
                double peak = 0;
                for (int i = 0; i < ref[0].length; i++) peak = Math.max(peak, Math.hypot(ref[0][i], ref[1][i]));
                double[] w = p.window().padded(p.winLength(), n);
                double ef = 0, ed = 0;
                float[] fre = new float[bins * frames], fim = new float[bins * frames];
                Stft.forEachBatchF(y, p, new FloatBatchFft(n, w, radix8), (t0, nb, fft) -> {
                    fft.unpack();
                    for (int k = 0; k < bins; k++)
                        for (int l = 0; l < nb; l++) { fre[k * frames + t0 + l] = fft.outRe[k * FloatBatchFft.L + l]; fim[k * frames + t0 + l] = fft.outIm[k * FloatBatchFft.L + l]; }
                });
                double[] dre = new double[bins * frames], dim = new double[bins * frames];
                Stft.forEachBatch(y, p, new DoubleBatchFft(n, w, radix8), (t0, nb, fft) -> {
                    fft.unpack();
                    for (int k = 0; k < bins; k++)
                        for (int l = 0; l < nb; l++) { dre[k * frames + t0 + l] = fft.outRe[k * DoubleBatchFft.L + l]; dim[k * frames + t0 + l] = fft.outIm[k * DoubleBatchFft.L + l]; }
                });
                for (int i = 0; i < ref[0].length; i++) {
                    ef = Math.max(ef, Math.hypot(fre[i] - ref[0][i], fim[i] - ref[1][i]));
                    ed = Math.max(ed, Math.hypot(dre[i] - ref[0][i], dim[i] - ref[1][i]));
                }
                assertTrue(ef < 2e-6 * peak, "float32 radix8=" + radix8 + " n=" + n + ": " + ef / peak);
                assertTrue(ed <= 1e-12 * peak, "float64 radix8=" + radix8 + " n=" + n + ": " + ed / peak);
            }
    }

    /**
     * Signals long enough for many column chunks (Stft.Columns builds the column layout chunk by chunk into a reused
     * per-thread buffer): both FFTs against JTransforms across chunk boundaries, partial last chunks and batches,
     * hops that do not divide n_fft, both pad modes, with and without centring; and a second, shorter signal on the
     * same thread afterwards (the reused buffer must not leak stale rows into it).
     */
    @Test
    void columnChunksMatchJTransforms() {
        Assumptions.assumeTrue(dev.segue.dsp.Kernels.vectorized(), "Vector API not available");
        int seed = 7;
        for (int[] nh : new int[][] {{2048, 512}, {1024, 1000}, {4096, 2048}, {256, 7}, {64, 48}})
            for (PadMode pad : PadMode.values())
                for (boolean center : new boolean[] {true, false})
                    for (int len : new int[] {nh[1] * 700 + 2 * nh[0] + 13, nh[0] + nh[1] * 97 + 5}) {
                        float[] y = noise(len, seed++);
                        StftParams p = new StftParams(nh[0], nh[1], nh[0], Window.HANN, center, pad);
                        double e = err(Stft.stft(y, p), reference(y, p));
                        assertTrue(e < 2e-6, p + " len " + len + ": " + e);
                        int bins = p.bins(), frames = p.frames(y.length);
                        double[][] a = new double[frames][], b = new double[frames][];
                        Stft.forEachFrameScalar(y, p, (t, re, im) -> a[t] = BatchFftTest.concat(re, im));
                        Stft.forEachFrameBatched(y, p, (t, re, im) -> b[t] = BatchFftTest.concat(re, im));
                        double peak = 0, err = 0;
                        for (int t = 0; t < frames; t++)
                            for (int k = 0; k < 2 * bins; k++) { peak = Math.max(peak, Math.abs(a[t][k])); err = Math.max(err, Math.abs(a[t][k] - b[t][k])); }
                        assertTrue(err <= 1e-12 * peak, p + " len " + len + ": " + err / peak);
                    }
    }

    /** An STFT inside another's frame sink on the same thread gets its own column buffer (Stft.Columns.acquire). */
    @Test
    void nestedStftInsideASinkLeavesTheOuterIntact() {
        Assumptions.assumeTrue(dev.segue.dsp.Kernels.vectorized(), "Vector API not available");
        float[] y = noise(120_000, 11), z = noise(90_000, 12);
        StftParams p = StftParams.of(2048, 512), q = StftParams.of(1024, 300);
        int frames = p.frames(y.length);
        double[][] plain = new double[frames][], nested = new double[frames][];
        Stft.forEachFrame(y, p, (t, re, im) -> plain[t] = BatchFftTest.concat(re, im));
        ComplexMatrix inner = Stft.stft(z, q);
        Stft.forEachFrame(y, p, (t, re, im) -> {
            nested[t] = BatchFftTest.concat(re, im);
            if (t % 100 == 0) { // a different STFT (its own FFT plan) in the middle of the outer one's chunks
                ComplexMatrix c = Stft.stft(z, q);
                assertArrayEquals(inner.re(), c.re());
                assertArrayEquals(inner.im(), c.im());
            }
        });
        for (int t = 0; t < frames; t++) assertArrayEquals(plain[t], nested[t], "frame " + t);
    }

    @Test
    void windowsWinLengthsAndShortSignals() {
        Assumptions.assumeTrue(dev.segue.dsp.Kernels.vectorized(), "Vector API not available");
        for (Window w : Window.values())
            for (int[] nw : new int[][] {{1024, 800}, {512, 512}, {256, 255}, {2048, 1}})
                for (int len : new int[] {1, 100, 1023, 5000, 40001}) {
                    float[] y = noise(len, len + nw[1]);
                    StftParams p = StftParams.of(nw[0], 200).withWinLength(nw[1]).withWindow(w).withPad(len > 1 ? PadMode.REFLECT : PadMode.CONSTANT);
                    double e = err(Stft.stft(y, p), reference(y, p));
                    assertTrue(e < 2e-6 || nw[1] == 1 && e < 1e-5, p + " len " + len + ": " + e);
                }
    }

    @Test
    void nonPowerOfTwoGoesThroughTheFallback() {
        for (int n : new int[] {15, 100, 1000, 2047, 3 * 512}) {
            float[] y = noise(20000, n);
            StftParams p = StftParams.of(n, n / 4);
            assertFalse(Stft.floatBatched(p));
            double e = err(Stft.stft(y, p), reference(y, p));
            assertTrue(e < 1e-6, p + ": " + e);
        }
    }

    @Test
    void planesEqualComplexMatrix() {
        float[] y = noise(30000, 3);
        for (StftParams p : new StftParams[] {StftParams.of(2048, 512), StftParams.of(1000, 250)}) {
            ComplexMatrix c = Stft.stft(y, p);
            float[] d = Stft.stftPlanes(y, p);
            int n = c.re().length;
            for (int i = 0; i < n; i++) {
                assertEquals(c.re()[i], d[i]);
                assertEquals(c.im()[i], d[n + i]);
            }
        }
    }

    @Test
    void floatMelMatchesPerFrameMel() {
        Assumptions.assumeTrue(dev.segue.dsp.Kernels.vectorized(), "Vector API not available");
        for (int[] nh : new int[][] {{2048, 512}, {512, 256}, {1024, 333}, {256, 64}}) {
            float[] y = noise(50001, nh[0]);
            StftParams p = StftParams.of(nh[0], nh[1]).withPad(PadMode.REFLECT);
            for (MelParams m : new MelParams[] {MelParams.defaults(), MelParams.of(40)}) {
                var a = MelSpectrogram.compute(y, 22050, p, 2.0, m);
                var b = MelSpectrogram.computePerFrame(y, 22050, p, 2.0, m);
                double peak = 0, err = 0, num = 0, den = 0;
                for (int i = 0; i < a.data().length; i++) {
                    double d = a.data()[i] - b.data()[i];
                    peak = Math.max(peak, Math.abs(b.data()[i]));
                    err = Math.max(err, Math.abs(d));
                    num += d * d;
                    den += (double) b.data()[i] * b.data()[i];
                }
                assertTrue(err <= 2e-6 * peak, p + " " + m + ": " + err / peak);
                assertTrue(Math.sqrt(num / den) <= 1e-6, p + " " + m + ": relL2 " + Math.sqrt(num / den));
            }
        }
    }

    @Test
    void sameBitsOnEveryThread() throws Exception {
        float[] y = noise(66150, 9);
        StftParams p = StftParams.of(2048, 512);
        float[] a = Stft.stftPlanes(y, p);
        float[][] b = new float[1][];
        Thread t = new Thread(() -> b[0] = Stft.stftPlanes(y, p));
        t.start();
        t.join();
        assertArrayEquals(a, b[0]);
    }
}
