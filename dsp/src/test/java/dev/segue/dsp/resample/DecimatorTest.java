package dev.segue.dsp.resample;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The SIMD polyphase decimator against the float64 FFT decimator and the direct tabulated path, on random inputs. */
class DecimatorTest {
    static float[] noise(int n, long seed) {
        var rng = new java.util.Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (0.3 * rng.nextGaussian() + 0.3 * Math.sin(i * 0.01));
        return x;
    }

    static double relErr(float[] a, float[] ref) {
        assertEquals(ref.length, a.length);
        double peak = 0, e = 0;
        for (int i = 0; i < ref.length; i++) { peak = Math.max(peak, Math.abs(ref[i])); e = Math.max(e, Math.abs(a[i] - ref[i])); }
        return peak == 0 ? e : e / peak;
    }

    @Test
    void matchesFftAndDirectPaths() {
        int[][] ratios = {{2, 1}, {48000, 16000}, {4, 1}, {44100, 11025}, {22050, 11025}};
        for (ResampleMode mode : new ResampleMode[] {ResampleMode.HQ, ResampleMode.FAST})
            for (int[] r : ratios)
                for (int n : new int[] {1, 2, 7, 100, 1001, 20000, 65537}) {
                    float[] x = noise(n, n + r[0]);
                    float[] fast = Resampler.resample(x, r[0], r[1], mode);
                    float[] direct = Resampler.resampleDirect(x, r[0], r[1], mode);
                    float[] fft = Resampler.resampleFft(x, r[0], r[1], mode);
                    assertTrue(relErr(fast, direct) < 2e-6, mode + " " + r[0] + "->" + r[1] + " n=" + n + ": vs direct " + relErr(fast, direct));
                    assertTrue(relErr(fast, fft) < 2e-6, mode + " " + r[0] + "->" + r[1] + " n=" + n + ": vs fft " + relErr(fast, fft));
                }
    }

    @Test
    void singlePrecisionMatchesDouble() {
        for (int[] r : new int[][] {{2, 1}, {3, 1}, {4, 1}})
            for (int n : new int[] {1, 3, 129, 4097, 70001}) {
                float[] x = noise(n, 31 * n + r[0]);
                float[] single = Resampler.resampleSingle(x, r[0], r[1], ResampleMode.HQ);
                float[] dbl = Resampler.resample(x, r[0], r[1], ResampleMode.HQ);
                assertTrue(relErr(single, dbl) < 3e-6, r[0] + "->" + r[1] + " n=" + n + ": " + relErr(single, dbl));
            }
    }

    @Test
    void sameBitsOnEveryThread() throws Exception {
        float[] x = noise(100_000, 5);
        float[] a = Resampler.resample(x, 2, 1, ResampleMode.HQ);
        float[][] b = new float[1][];
        Thread t = new Thread(() -> b[0] = Resampler.resample(x, 2, 1, ResampleMode.HQ));
        t.start();
        t.join();
        assertArrayEquals(a, b[0]);
    }
}
