package dev.segue.core.cpu.gemm;

/**
 * The low-overhead path for small products (no packing, no pool, no allocation): row-by-row on the
 * caller's thread. With B not transposed the inner loop is an axpy over a row of B and a row of C,
 * which C2 auto-vectorises; with B transposed it is a dot product over two contiguous rows.
 */
final class SmallGemm {
    private SmallGemm() {}

    static void run(boolean transA, boolean transB, int m, int n, int k, float alpha,
                    float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                    float beta, float[] c, int cOff, int ldc) {
        // op(A)[i,p] = a[aOff + i*ra + p*pa]
        final int ra = transA ? 1 : lda, sa = transA ? lda : 1;
        for (int i = 0; i < m; i++) {
            final int co = cOff + i * ldc, ai = aOff + i * ra;
            if (!transB) {
                if (beta == 0f) {
                    for (int j = 0; j < n; j++) c[co + j] = 0f;
                } else if (beta != 1f) {
                    for (int j = 0; j < n; j++) c[co + j] *= beta;
                }
                for (int p = 0; p < k; p++) {
                    final float s = alpha * a[ai + p * sa];
                    final int bo = bOff + p * ldb;
                    for (int j = 0; j < n; j++) c[co + j] += s * b[bo + j];
                }
            } else { // op(B)[p,j] = b[bOff + j*ldb + p]
                for (int j = 0; j < n; j++) {
                    final int bo = bOff + j * ldb;
                    float acc = 0f;
                    for (int p = 0; p < k; p++) acc = Math.fma(a[ai + p * sa], b[bo + p], acc);
                    c[co + j] = Edges.combine(acc, alpha, beta, c[co + j]);
                }
            }
        }
    }
}
