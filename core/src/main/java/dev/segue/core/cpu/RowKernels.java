package dev.segue.core.cpu;

import dev.segue.core.cpu.gemm.Gemm;

/**
 * Per-row float32 kernels (softmax, log-softmax, layer norm, dot products) with two implementations of one contract:
 * {@link VectorRows} on the Vector API when {@code jdk.incubator.vector} is present, {@link ScalarRows}
 * otherwise. The choice is made once, so a run is deterministic; the two are tested against each other.
 */
final class RowKernels {
    private RowKernels() {}

    static final boolean VECTOR = Gemm.VECTORIZED;

    /** y[yo..yo+n) = softmax or log-softmax of x[xo..xo+n). */
    static void softmax(float[] x, int xo, float[] y, int yo, int n, boolean log) {
        if (VECTOR) VectorRows.softmax(x, xo, y, yo, n, log); else ScalarRows.softmax(x, xo, y, yo, n, log);
    }

    /** Normalises one row; w/b may be null; stats[0] = mean, stats[1] = rstd. */
    static void layerNorm(float[] x, int xo, float[] w, int wo, float[] b, int bo, float[] y, int yo, int n, float eps, float[] stats) {
        if (VECTOR) VectorRows.layerNorm(x, xo, w, wo, b, bo, y, yo, n, eps, stats);
        else ScalarRows.layerNorm(x, xo, w, wo, b, bo, y, yo, n, eps, stats);
    }

    /** Of x[xo..xo+n): stats[0] = log Σ exp x (stable), stats[1] = Σ x. */
    static void logSumExpAndSum(float[] x, int xo, int n, double[] stats) {
        if (VECTOR) VectorRows.logSumExpAndSum(x, xo, n, stats); else ScalarRows.logSumExpAndSum(x, xo, n, stats);
    }

    /** out[oo + j] = g · (exp(x[xo + j] − lse) − off): the softmax part of the cross-entropy gradient. */
    static void softmaxGradient(float[] x, int xo, int n, float lse, float g, float off, float[] out, int oo) {
        if (VECTOR) VectorRows.softmaxGradient(x, xo, n, lse, g, off, out, oo); else ScalarRows.softmaxGradient(x, xo, n, lse, g, off, out, oo);
    }

    /** ⟨a[ao..ao+n), b[bo..bo+n)⟩: float lanes, reduced in a fixed order, in double. */
    static double dot(float[] a, int ao, float[] b, int bo, int n) {
        return VECTOR ? VectorRows.dot(a, ao, b, bo, n) : ScalarRows.dot(a, ao, b, bo, n);
    }

    /** Σ x over x[xo..xo+n) in double (the vector path adds float lanes widened to double lanes, in a fixed order). */
    static double sum(float[] x, int xo, int n) {
        return VECTOR ? VectorRows.sum(x, xo, n) : ScalarRows.sum(x, xo, n);
    }

    /** Σ x² over x[xo..xo+n): float lanes, reduced in a fixed order, in double. */
    static double sumOfSquares(float[] x, int xo, int n) {
        return VECTOR ? VectorRows.dot(x, xo, x, xo, n) : ScalarRows.dot(x, xo, x, xo, n);
    }

    /**
     * x[xo + j] = e^(x[xo + j] − shift) for j < n (vector exp on the lanes, {@link Math#exp} on the tail).
     * {@code room} ≥ n elements may be overwritten: when the row has room for whole vectors past n, the
     * tail is done as a vector too (those extra elements are scratch the caller ignores).
     */
    static void expShifted(float[] x, int xo, float shift, int n, int room) {
        int up = 0;
        if (VECTOR) {
            int l = VectorMath.S.length(), whole = (n + l - 1) / l * l;
            up = whole <= room ? whole : VectorMath.S.loopBound(n);
            VectorMath.expInPlace(x, xo, shift, up);
        }
        for (int j = up; j < n; j++) x[xo + j] = (float) Math.exp(x[xo + j] - shift);
    }
}
