package dev.segue.core.cpu.gemm;

/**
 * The low-overhead path for tiny products (no packing, no pool, no allocation), on the caller's
 * thread. Each C element is a dot product over k accumulated in a local; with B not transposed,
 * eight neighbouring columns are done together so that eight independent FMA chains hide the FMA
 * latency and each A element is loaded once per eight columns. (A row-axpy form would be shorter, but
 * C2 does not vectorise it: it cannot rule out that C and B overlap.)
 */
final class SmallGemm {
    private SmallGemm() {}

    static void run(boolean transA, boolean transB, int m, int n, int k, float alpha,
                    float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                    float beta, float[] c, int cOff, int ldc) {
        // op(A)[i,p] = a[aOff + i*ra + p*sa]; op(B)[p,j] = b[bOff + p*sbp + j*sbj]
        final int ra = transA ? 1 : lda, sa = transA ? lda : 1;
        final int sbp = transB ? 1 : ldb, sbj = transB ? ldb : 1;
        for (int i = 0; i < m; i++) {
            final int co = cOff + i * ldc, ai = aOff + i * ra;
            int j = 0;
            if (!transB) {
                for (; j + 8 <= n; j += 8) {
                    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
                    for (int p = 0; p < k; p++) {
                        float x = a[ai + p * sa];
                        int bo = bOff + p * ldb + j;
                        s0 = Math.fma(x, b[bo], s0); s1 = Math.fma(x, b[bo + 1], s1);
                        s2 = Math.fma(x, b[bo + 2], s2); s3 = Math.fma(x, b[bo + 3], s3);
                        s4 = Math.fma(x, b[bo + 4], s4); s5 = Math.fma(x, b[bo + 5], s5);
                        s6 = Math.fma(x, b[bo + 6], s6); s7 = Math.fma(x, b[bo + 7], s7);
                    }
                    int o = co + j;
                    c[o] = Edges.combine(s0, alpha, beta, c[o]); c[o + 1] = Edges.combine(s1, alpha, beta, c[o + 1]);
                    c[o + 2] = Edges.combine(s2, alpha, beta, c[o + 2]); c[o + 3] = Edges.combine(s3, alpha, beta, c[o + 3]);
                    c[o + 4] = Edges.combine(s4, alpha, beta, c[o + 4]); c[o + 5] = Edges.combine(s5, alpha, beta, c[o + 5]);
                    c[o + 6] = Edges.combine(s6, alpha, beta, c[o + 6]); c[o + 7] = Edges.combine(s7, alpha, beta, c[o + 7]);
                }
            }
            for (; j < n; j++) {
                final int bj = bOff + j * sbj;
                float s = 0;
                for (int p = 0; p < k; p++) s = Math.fma(a[ai + p * sa], b[bj + p * sbp], s);
                c[co + j] = Edges.combine(s, alpha, beta, c[co + j]);
            }
        }
    }
}
