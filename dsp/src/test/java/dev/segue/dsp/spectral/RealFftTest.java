package dev.segue.dsp.spectral;

import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RealFftTest {
    @Test
    void matchesNaiveDftAndJTransforms() {
        var rng = new java.util.Random(3);
        for (int n : new int[] {4, 8, 16, 32, 256, 512, 2048, 4096}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = rng.nextGaussian();
            double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1];
            new RealFft(n).forward(x, re, im);
            double[] j = x.clone();
            new DoubleFFT_1D(n).realForward(j);
            double scale = 0;
            for (double v : x) scale += Math.abs(v);
            for (int k = 0; k <= n / 2; k++) {
                if (n <= 512) { // naive O(n^2) DFT
                    double sr = 0, si = 0;
                    for (int t = 0; t < n; t++) { double a = -2 * Math.PI * ((long) k * t % n) / n; sr += x[t] * Math.cos(a); si += x[t] * Math.sin(a); }
                    assertEquals(sr, re[k], 1e-12 * scale, "naive re n=" + n + " k=" + k);
                    assertEquals(si, im[k], 1e-12 * scale, "naive im n=" + n + " k=" + k);
                }
                assertEquals(Stft.real(j, k, n), re[k], 1e-12 * scale, "JTransforms re n=" + n + " k=" + k);
                assertEquals(Stft.imag(j, k, n), im[k], 1e-12 * scale, "JTransforms im n=" + n + " k=" + k);
            }
        }
    }
}
