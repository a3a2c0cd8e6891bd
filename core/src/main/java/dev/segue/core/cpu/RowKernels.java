package dev.segue.core.cpu;

import dev.segue.core.cpu.gemm.Gemm;

/**
 * Per-row float32 kernels (softmax, log-softmax, layer norm) with two implementations of one contract:
 * {@link VectorRows} on the Vector API when {@code jdk.incubator.vector} is present, {@link ScalarRows}
 * otherwise. The choice is made once, so a run is deterministic; the two are tested against each other.
 */
final class RowKernels {
    private RowKernels() {}

    static final boolean VECTOR = Gemm.VECTORIZED;

    /**
     * y[yo..yo+n) = softmax or log-softmax of x[xo..xo+n). Always the scalar rows (Math.exp): the Vector
     * API's lanewise EXP rounds differently interpreted and C2-compiled (see {@link FloatUnary}), which
     * broke run-to-run determinism.
     */
    static void softmax(float[] x, int xo, float[] y, int yo, int n, boolean log) {
        ScalarRows.softmax(x, xo, y, yo, n, log);
    }

    /** Normalises one row; w/b may be null; stats[0] = mean, stats[1] = rstd. */
    static void layerNorm(float[] x, int xo, float[] w, int wo, float[] b, int bo, float[] y, int yo, int n, float eps, float[] stats) {
        if (VECTOR) VectorRows.layerNorm(x, xo, w, wo, b, bo, y, yo, n, eps, stats);
        else ScalarRows.layerNorm(x, xo, w, wo, b, bo, y, yo, n, eps, stats);
    }
}
