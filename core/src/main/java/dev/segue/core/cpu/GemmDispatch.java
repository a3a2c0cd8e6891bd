package dev.segue.core.cpu;

/**
 * The single place where float32 matrix products enter the GEMM implementation, so that the rest of
 * the backend does not care which kernel is behind it.
 */
final class GemmDispatch {
    private GemmDispatch() {}

    static void sgemmBatched(int batch, boolean ta, boolean tb, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, long strideA, float[] b, int bOff, int ldb, long strideB,
                             float beta, float[] c, int cOff, int ldc, long strideC) {
        // Simple, correct i-p-j loops (row of C accumulated in float); replaced by the packed GEMM.
        Parallel.forEach(batch, bi -> {
            int ao = (int) (aOff + bi * strideA), bo = (int) (bOff + bi * strideB), co = (int) (cOff + bi * strideC);
            float[] row = new float[n];
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(row, 0f);
                for (int p = 0; p < k; p++) {
                    float x = a[ao + (ta ? p * lda + i : i * lda + p)];
                    if (tb) for (int j = 0; j < n; j++) row[j] += x * b[bo + j * ldb + p];
                    else { int bb = bo + p * ldb; for (int j = 0; j < n; j++) row[j] += x * b[bb + j]; }
                }
                int cc = co + i * ldc;
                if (beta == 0) for (int j = 0; j < n; j++) c[cc + j] = alpha * row[j];
                else for (int j = 0; j < n; j++) c[cc + j] = alpha * row[j] + beta * c[cc + j];
            }
        });
    }
}
