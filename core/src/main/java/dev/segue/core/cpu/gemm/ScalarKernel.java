package dev.segue.core.cpu.gemm;

/**
 * The micro-kernel for JVMs without the Vector API: 4 × 4 scalar accumulators in locals (16 of the
 * 16+ floating-point registers), 8 loads per 16 FMAs. It is the portable fallback, not the fast path.
 */
final class ScalarKernel implements MicroKernel {
    static final ScalarKernel INSTANCE = new ScalarKernel();

    private ScalarKernel() {}

    @Override public int mr() { return 4; }

    @Override public int nr() { return 4; }

    @Override
    public void compute(int kc, float[] pa, int ia, float[] pb, int ib, float[] c, int co, int ldc, float alpha, float beta) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < kc; p++) {
            int oa = ia + 4 * p, ob = ib + 4 * p;
            float b0 = pb[ob], b1 = pb[ob + 1], b2 = pb[ob + 2], b3 = pb[ob + 3];
            float a = pa[oa];
            c00 = Math.fma(a, b0, c00); c01 = Math.fma(a, b1, c01); c02 = Math.fma(a, b2, c02); c03 = Math.fma(a, b3, c03);
            a = pa[oa + 1];
            c10 = Math.fma(a, b0, c10); c11 = Math.fma(a, b1, c11); c12 = Math.fma(a, b2, c12); c13 = Math.fma(a, b3, c13);
            a = pa[oa + 2];
            c20 = Math.fma(a, b0, c20); c21 = Math.fma(a, b1, c21); c22 = Math.fma(a, b2, c22); c23 = Math.fma(a, b3, c23);
            a = pa[oa + 3];
            c30 = Math.fma(a, b0, c30); c31 = Math.fma(a, b1, c31); c32 = Math.fma(a, b2, c32); c33 = Math.fma(a, b3, c33);
        }
        store(c, co, c00, c01, c02, c03, alpha, beta);
        store(c, co + ldc, c10, c11, c12, c13, alpha, beta);
        store(c, co + 2 * ldc, c20, c21, c22, c23, alpha, beta);
        store(c, co + 3 * ldc, c30, c31, c32, c33, alpha, beta);
    }

    private static void store(float[] c, int o, float v0, float v1, float v2, float v3, float alpha, float beta) {
        c[o] = Edges.combine(v0, alpha, beta, c[o]);
        c[o + 1] = Edges.combine(v1, alpha, beta, c[o + 1]);
        c[o + 2] = Edges.combine(v2, alpha, beta, c[o + 2]);
        c[o + 3] = Edges.combine(v3, alpha, beta, c[o + 3]);
    }
}
