package dev.segue.core.cpu;

import dev.segue.core.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Vector API row kernels against their scalar reference, on lengths around the lane count. */
class RowKernelsTest {

    @ParameterizedTest @ValueSource(ints = {1, 3, 15, 16, 17, 33, 129, 1000, 4099})
    void vectorRowsMatchScalarRows(int n) {
        Rng r = new Rng(n);
        float[] x = new float[n + 5], w = new float[n + 2], b = new float[n + 1];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() * 3 + 10);
        for (int i = 0; i < w.length; i++) { w[i] = (float) r.nextGaussian(); }
        for (int i = 0; i < b.length; i++) { b[i] = (float) r.nextGaussian(); }
        if (n > 4) x[5 + 2] = Float.NEGATIVE_INFINITY;     // a masked entry
        for (boolean log : new boolean[]{false, true}) {
            float[] ys = new float[n + 3], yv = new float[n + 3];
            ScalarRows.softmax(x, 5, ys, 3, n, log);
            VectorRows.softmax(x, 5, yv, 3, n, log);
            for (int j = 0; j < n + 3; j++) {
                if (Float.isInfinite(ys[j])) assertEquals(ys[j], yv[j]);
                else assertEquals(ys[j], yv[j], 2e-6 * Math.max(1, Math.abs(ys[j])), "softmax log=" + log + " at " + j);
            }
        }
        for (int i = 0; i < x.length; i++) if (Float.isInfinite(x[i])) x[i] = 0;
        float[] ys = new float[n], yv = new float[n], ss = new float[2], sv = new float[2];
        ScalarRows.layerNorm(x, 5, w, 2, b, 1, ys, 0, n, 1e-5f, ss);
        VectorRows.layerNorm(x, 5, w, 2, b, 1, yv, 0, n, 1e-5f, sv);
        assertEquals(ss[0], sv[0], 1e-5f * Math.abs(ss[0]));
        assertEquals(ss[1], sv[1], 1e-5f * Math.abs(ss[1]));
        for (int j = 0; j < n; j++) assertEquals(ys[j], yv[j], 2e-5, "layer norm at " + j);
    }

    @ParameterizedTest @ValueSource(ints = {1, 3, 15, 16, 17, 31, 32, 33, 129, 4099})
    void rowSumIsTheDoubleSum(int n) {
        Rng r = new Rng(n + 7);
        float[] x = new float[n + 3];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() * 1e3 + 1e4);
        double ref = 0, mag = 0;
        for (int i = 3; i < n + 3; i++) { ref += x[i]; mag += Math.abs(x[i]); }
        // float32 inputs widened exactly to double: only the double additions round
        assertEquals(ref, VectorRows.sum(x, 3, n), 1e-14 * mag, "vector");
        assertEquals(ref, ScalarRows.sum(x, 3, n), 1e-14 * mag, "scalar");
    }

    @ParameterizedTest @ValueSource(ints = {1, 7, 16, 33, 1000, 100_003})
    void crossEntropyRowsMatchScalarRows(int n) {
        Rng r = new Rng(n + 1);
        float[] x = new float[n + 3];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() * 4);
        double[] ss = new double[2], sv = new double[2];
        ScalarRows.logSumExpAndSum(x, 3, n, ss);
        VectorRows.logSumExpAndSum(x, 3, n, sv);
        assertEquals(ss[0], sv[0], 1e-5 * Math.max(1, Math.abs(ss[0])));
        assertEquals(ss[1], sv[1], 1e-4 * Math.sqrt(n));
        float[] gs = new float[n], gv = new float[n];
        ScalarRows.softmaxGradient(x, 3, n, (float) ss[0], 0.7f, 0.01f / n, gs, 0);
        VectorRows.softmaxGradient(x, 3, n, (float) ss[0], 0.7f, 0.01f / n, gv, 0);
        for (int j = 0; j < n; j++) assertEquals(gs[j], gv[j], 1e-6 * Math.max(1e-3, Math.abs(gs[j])) + 1e-9);
    }
}
