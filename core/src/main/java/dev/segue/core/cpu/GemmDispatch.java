package dev.segue.core.cpu;

import dev.segue.core.cpu.gemm.Gemm;

/**
 * The single place where float32 matrix products enter the GEMM implementation, so that the rest of
 * the backend does not care which kernel is behind it.
 */
final class GemmDispatch {
    private GemmDispatch() {}

    static void sgemmBatched(int batch, boolean ta, boolean tb, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, long strideA, float[] b, int bOff, int ldb, long strideB,
                             float beta, float[] c, int cOff, int ldc, long strideC) {
        Gemm.sgemmBatched(batch, ta, tb, m, n, k, alpha, a, aOff, lda, strideA, b, bOff, ldb, strideB, beta, c, cOff, ldc, strideC);
    }
}
