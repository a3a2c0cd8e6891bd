package dev.segue.core.cpu.gemm;

/**
 * The reference GEMM: the textbook triple loop, same contract as {@link Gemm#sgemm}. Each dot
 * product is accumulated in double and rounded to float once ({@code alpha·dot + beta·C} in double),
 * so it is more accurate than any float32 kernel and serves as the yardstick in tests. Slow; never
 * used on a hot path.
 */
public final class NaiveGemm {
    private NaiveGemm() {}

    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int p = 0; p < k; p++) {
                    float x = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float y = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    dot += (double) x * y;
                }
                int o = cOff + i * ldc + j;
                double r = alpha * dot;
                if (beta != 0f) r += (double) beta * c[o];
                c[o] = (float) r;
            }
        }
    }
}
