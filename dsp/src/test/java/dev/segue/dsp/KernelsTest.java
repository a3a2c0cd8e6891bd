package dev.segue.dsp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class KernelsTest {
    @Test
    void vectorDotMatchesScalarAndDouble() {
        var rng = new java.util.Random(5);
        float[] a = new float[1000], b = new float[1000];
        for (int i = 0; i < a.length; i++) { a[i] = (float) rng.nextGaussian(); b[i] = (float) rng.nextGaussian(); }
        for (int n : new int[] {0, 1, 3, 15, 16, 17, 63, 361, 700}) {
            for (int off : new int[] {0, 1, 7}) {
                double ref = 0, mag = 0;
                for (int i = 0; i < n; i++) { ref += (double) a[off + i] * b[3 + i]; mag += Math.abs((double) a[off + i] * b[3 + i]); }
                float v = Kernels.dot(a, off, b, 3, n), s = Kernels.dotScalar(a, off, b, 3, n);
                assertEquals(ref, v, 1e-6 * (mag + 1), "vector n=" + n);
                assertEquals(ref, s, 1e-6 * (mag + 1), "scalar n=" + n);
            }
        }
        System.out.println("Vector API kernels active: " + Kernels.vectorized());
    }

    @Test
    void vectorDbMatchesScalar() {
        var rng = new java.util.Random(6);
        for (int n : new int[] {0, 1, 15, 16, 17, 1000}) {
            float[] x = new float[n], a = new float[n], b = new float[n];
            for (int i = 0; i < n; i++) x[i] = (float) Math.exp(rng.nextGaussian() * 10) * (i % 13 == 0 ? 0 : 1);
            Kernels.dbFloat(x, 1e-10f, a);
            Kernels.dbFloatScalar(x, 1e-10f, b, 0);
            for (int i = 0; i < n; i++) assertEquals(b[i], a[i], 2e-5, "x=" + x[i]); // an ulp of log10 at |100 dB|, times 10
        }
    }

    @Test
    void firstNonFiniteFindsTheFirstBadSample() {
        for (int n : new int[] {0, 1, 15, 16, 17, 1000})
            for (int bad = -1; bad < n; bad += Math.max(1, n / 7)) {
                float[] y = new float[n];
                for (int i = 0; i < n; i++) y[i] = (float) Math.sin(i);
                if (bad >= 0) { y[bad] = bad % 2 == 0 ? Float.NaN : Float.NEGATIVE_INFINITY; if (bad + 3 < n) y[bad + 3] = Float.NaN; }
                assertEquals(bad, Kernels.firstNonFinite(y), "n=" + n + " bad=" + bad);
            }
    }
}
