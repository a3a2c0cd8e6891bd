package dev.segue.core.cpu.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API micro-kernels (loaded only when {@code jdk.incubator.vector} is in the boot layer;
 * see {@link Gemm}). With L = lanes of the preferred species (16 on AVX-512):
 * <ul>
 *   <li>512-bit (32 vector registers): 6 rows × 4 vectors = 6 × 64 floats, 24 accumulators;</li>
 *   <li>narrower (16 registers on AVX2): 6 rows × 2 vectors = 6 × 2L floats, 12 accumulators.</li>
 * </ul>
 * Each k step loads the B row of the sliver (unit stride), broadcasts 6 A values and issues
 * {@code 6·nv} independent FMAs, enough to cover the FMA latency (4 cycles × 2 pipes). The code is
 * straight-line with accumulators in locals so that C2 keeps them all in registers; every access is
 * an affine function of the loop counter, so range checks are hoisted. Do not factor the tile into
 * helper methods: a vector passed to a non-inlined call is boxed and the kernel runs 10× slower.
 */
final class VectorKernel implements MicroKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** 512-bit and wider: 32 architectural vector registers (AVX-512). */
    private static final boolean WIDE = L >= 16;
    static final VectorKernel INSTANCE = new VectorKernel();

    private VectorKernel() {}

    @Override public int mr() { return 6; }

    @Override public int nr() { return (WIDE ? 4 : 2) * L; }

    @Override
    public void compute(int kc, float[] pa, int ia, float[] pb, int ib, float[] c, int co, int ldc, float alpha, float beta) {
        if (WIDE) k6x4(kc, pa, ia, pb, ib, c, co, ldc, alpha, beta);
        else k6x2(kc, pa, ia, pb, ib, c, co, ldc, alpha, beta);
    }

    @Override public boolean readsAInPlace() { return true; }

    @Override
    public void computeInPlaceA(int kc, float[] a, int ia, int lda, float[] pb, int ib, float[] c, int co, int ldc,
                                float alpha, float beta) {
        if (WIDE) k6x4a(kc, a, ia, lda, pb, ib, c, co, ldc, alpha, beta);
        else k6x2a(kc, a, ia, lda, pb, ib, c, co, ldc, alpha, beta);
    }

    @Override public boolean packsBInKernel() { return WIDE; }

    @Override
    public void computeInPlaceAPackingB(int kc, float[] a, int ia, int lda, float[] b, int bo, int ldb, float[] pb, int ib,
                                        float[] c, int co, int ldc, float alpha, float beta) {
        if (!WIDE) throw new IllegalStateException("no packing kernel for " + L + " lanes");
        k6x4aPackB(kc, a, ia, lda, b, bo, ldb, pb, ib, c, co, ldc, alpha, beta);
    }

    /** 6 rows × 4 vectors: 24 accumulators + 4 B vectors + 1 broadcast ≤ the register file (see class doc). */
    private static void k6x4(int kc, float[] pa, int ia, float[] pb, int ib, float[] c, int co, int ldc, float alpha, float beta) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z;
        FloatVector c10 = z, c11 = z, c12 = z, c13 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c23 = z;
        FloatVector c30 = z, c31 = z, c32 = z, c33 = z;
        FloatVector c40 = z, c41 = z, c42 = z, c43 = z;
        FloatVector c50 = z, c51 = z, c52 = z, c53 = z;
        for (int p = 0; p < kc; p++) {
            int ob = ib + p * 4 * L, oa = ia + p * 6;
            FloatVector b0 = FloatVector.fromArray(S, pb, ob), b1 = FloatVector.fromArray(S, pb, ob + 1 * L), b2 = FloatVector.fromArray(S, pb, ob + 2 * L), b3 = FloatVector.fromArray(S, pb, ob + 3 * L);
            FloatVector a;
            a = FloatVector.broadcast(S, pa[oa]); c00 = a.fma(b0, c00); c01 = a.fma(b1, c01); c02 = a.fma(b2, c02); c03 = a.fma(b3, c03);
            a = FloatVector.broadcast(S, pa[oa + 1]); c10 = a.fma(b0, c10); c11 = a.fma(b1, c11); c12 = a.fma(b2, c12); c13 = a.fma(b3, c13);
            a = FloatVector.broadcast(S, pa[oa + 2]); c20 = a.fma(b0, c20); c21 = a.fma(b1, c21); c22 = a.fma(b2, c22); c23 = a.fma(b3, c23);
            a = FloatVector.broadcast(S, pa[oa + 3]); c30 = a.fma(b0, c30); c31 = a.fma(b1, c31); c32 = a.fma(b2, c32); c33 = a.fma(b3, c33);
            a = FloatVector.broadcast(S, pa[oa + 4]); c40 = a.fma(b0, c40); c41 = a.fma(b1, c41); c42 = a.fma(b2, c42); c43 = a.fma(b3, c43);
            a = FloatVector.broadcast(S, pa[oa + 5]); c50 = a.fma(b0, c50); c51 = a.fma(b1, c51); c52 = a.fma(b2, c52); c53 = a.fma(b3, c53);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        if (beta == 0f) { // overwrite: C's old contents (maybe NaN) are never read
            c00.mul(va).intoArray(c, co); c01.mul(va).intoArray(c, co + 1 * L); c02.mul(va).intoArray(c, co + 2 * L); c03.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c10.mul(va).intoArray(c, co); c11.mul(va).intoArray(c, co + 1 * L); c12.mul(va).intoArray(c, co + 2 * L); c13.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c20.mul(va).intoArray(c, co); c21.mul(va).intoArray(c, co + 1 * L); c22.mul(va).intoArray(c, co + 2 * L); c23.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c30.mul(va).intoArray(c, co); c31.mul(va).intoArray(c, co + 1 * L); c32.mul(va).intoArray(c, co + 2 * L); c33.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c40.mul(va).intoArray(c, co); c41.mul(va).intoArray(c, co + 1 * L); c42.mul(va).intoArray(c, co + 2 * L); c43.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c50.mul(va).intoArray(c, co); c51.mul(va).intoArray(c, co + 1 * L); c52.mul(va).intoArray(c, co + 2 * L); c53.mul(va).intoArray(c, co + 3 * L);
        } else {
            FloatVector vb = FloatVector.broadcast(S, beta);
            c00.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c01.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c02.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c03.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c10.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c11.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c12.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c13.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c20.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c21.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c22.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c23.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c30.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c31.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c32.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c33.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c40.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c41.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c42.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c43.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c50.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c51.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c52.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c53.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
        }
    }

    /** 6 rows × 2 vectors: 12 accumulators + 2 B vectors + 1 broadcast ≤ the register file (see class doc). */
    private static void k6x2(int kc, float[] pa, int ia, float[] pb, int ib, float[] c, int co, int ldc, float alpha, float beta) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z;
        FloatVector c10 = z, c11 = z;
        FloatVector c20 = z, c21 = z;
        FloatVector c30 = z, c31 = z;
        FloatVector c40 = z, c41 = z;
        FloatVector c50 = z, c51 = z;
        for (int p = 0; p < kc; p++) {
            int ob = ib + p * 2 * L, oa = ia + p * 6;
            FloatVector b0 = FloatVector.fromArray(S, pb, ob), b1 = FloatVector.fromArray(S, pb, ob + 1 * L);
            FloatVector a;
            a = FloatVector.broadcast(S, pa[oa]); c00 = a.fma(b0, c00); c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(S, pa[oa + 1]); c10 = a.fma(b0, c10); c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(S, pa[oa + 2]); c20 = a.fma(b0, c20); c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(S, pa[oa + 3]); c30 = a.fma(b0, c30); c31 = a.fma(b1, c31);
            a = FloatVector.broadcast(S, pa[oa + 4]); c40 = a.fma(b0, c40); c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(S, pa[oa + 5]); c50 = a.fma(b0, c50); c51 = a.fma(b1, c51);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        if (beta == 0f) { // overwrite: C's old contents (maybe NaN) are never read
            c00.mul(va).intoArray(c, co); c01.mul(va).intoArray(c, co + 1 * L);
            co += ldc;
            c10.mul(va).intoArray(c, co); c11.mul(va).intoArray(c, co + 1 * L);
            co += ldc;
            c20.mul(va).intoArray(c, co); c21.mul(va).intoArray(c, co + 1 * L);
            co += ldc;
            c30.mul(va).intoArray(c, co); c31.mul(va).intoArray(c, co + 1 * L);
            co += ldc;
            c40.mul(va).intoArray(c, co); c41.mul(va).intoArray(c, co + 1 * L);
            co += ldc;
            c50.mul(va).intoArray(c, co); c51.mul(va).intoArray(c, co + 1 * L);
        } else {
            FloatVector vb = FloatVector.broadcast(S, beta);
            c00.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c01.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            co += ldc;
            c10.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c11.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            co += ldc;
            c20.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c21.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            co += ldc;
            c30.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c31.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            co += ldc;
            c40.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c41.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            co += ldc;
            c50.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c51.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
        }
    }


    /**
     * As {@code k6x4a}, with the B sliver read from B (row p at {@code b[bo + p*ldb]}) and stored packed into
     * {@code pb} as it goes (see {@link MicroKernel#computeInPlaceAPackingB}).
     */
    private static void k6x4aPackB(int kc, float[] a, int ia, int lda, float[] b, int bo, int ldb, float[] pb, int ib,
                                   float[] c, int co, int ldc, float alpha, float beta) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z;
        FloatVector c10 = z, c11 = z, c12 = z, c13 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c23 = z;
        FloatVector c30 = z, c31 = z, c32 = z, c33 = z;
        FloatVector c40 = z, c41 = z, c42 = z, c43 = z;
        FloatVector c50 = z, c51 = z, c52 = z, c53 = z;
        final int r1 = 1 * lda, r2 = 2 * lda, r3 = 3 * lda, r4 = 4 * lda, r5 = 5 * lda;
        for (int p = 0; p < kc; p++) {
            int ob = ib + p * 4 * L, oa = ia + p, src = bo + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, src), b1 = FloatVector.fromArray(S, b, src + 1 * L), b2 = FloatVector.fromArray(S, b, src + 2 * L), b3 = FloatVector.fromArray(S, b, src + 3 * L);
            b0.intoArray(pb, ob); b1.intoArray(pb, ob + 1 * L); b2.intoArray(pb, ob + 2 * L); b3.intoArray(pb, ob + 3 * L);
            FloatVector av;
            av = FloatVector.broadcast(S, a[oa]); c00 = av.fma(b0, c00); c01 = av.fma(b1, c01); c02 = av.fma(b2, c02); c03 = av.fma(b3, c03);
            av = FloatVector.broadcast(S, a[oa + r1]); c10 = av.fma(b0, c10); c11 = av.fma(b1, c11); c12 = av.fma(b2, c12); c13 = av.fma(b3, c13);
            av = FloatVector.broadcast(S, a[oa + r2]); c20 = av.fma(b0, c20); c21 = av.fma(b1, c21); c22 = av.fma(b2, c22); c23 = av.fma(b3, c23);
            av = FloatVector.broadcast(S, a[oa + r3]); c30 = av.fma(b0, c30); c31 = av.fma(b1, c31); c32 = av.fma(b2, c32); c33 = av.fma(b3, c33);
            av = FloatVector.broadcast(S, a[oa + r4]); c40 = av.fma(b0, c40); c41 = av.fma(b1, c41); c42 = av.fma(b2, c42); c43 = av.fma(b3, c43);
            av = FloatVector.broadcast(S, a[oa + r5]); c50 = av.fma(b0, c50); c51 = av.fma(b1, c51); c52 = av.fma(b2, c52); c53 = av.fma(b3, c53);
        }

        FloatVector va = FloatVector.broadcast(S, alpha);
        if (beta == 0f) { // overwrite: C's old contents (maybe NaN) are never read
            c00.mul(va).intoArray(c, co); c01.mul(va).intoArray(c, co + 1 * L); c02.mul(va).intoArray(c, co + 2 * L); c03.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c10.mul(va).intoArray(c, co); c11.mul(va).intoArray(c, co + 1 * L); c12.mul(va).intoArray(c, co + 2 * L); c13.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c20.mul(va).intoArray(c, co); c21.mul(va).intoArray(c, co + 1 * L); c22.mul(va).intoArray(c, co + 2 * L); c23.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c30.mul(va).intoArray(c, co); c31.mul(va).intoArray(c, co + 1 * L); c32.mul(va).intoArray(c, co + 2 * L); c33.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c40.mul(va).intoArray(c, co); c41.mul(va).intoArray(c, co + 1 * L); c42.mul(va).intoArray(c, co + 2 * L); c43.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c50.mul(va).intoArray(c, co); c51.mul(va).intoArray(c, co + 1 * L); c52.mul(va).intoArray(c, co + 2 * L); c53.mul(va).intoArray(c, co + 3 * L);
        } else {
            FloatVector vb = FloatVector.broadcast(S, beta);
            c00.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c01.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c02.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c03.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c10.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c11.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c12.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c13.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c20.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c21.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c22.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c23.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c30.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c31.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c32.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c33.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c40.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c41.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c42.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c43.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c50.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c51.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c52.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c53.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
        }
    }

    /** As {@code k6x4}, but A read in place: row r of the panel at {@code a[ia + r*lda + p]} (A not transposed). */
    private static void k6x4a(int kc, float[] a, int ia, int lda, float[] pb, int ib, float[] c, int co, int ldc, float alpha, float beta) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z;
        FloatVector c10 = z, c11 = z, c12 = z, c13 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c23 = z;
        FloatVector c30 = z, c31 = z, c32 = z, c33 = z;
        FloatVector c40 = z, c41 = z, c42 = z, c43 = z;
        FloatVector c50 = z, c51 = z, c52 = z, c53 = z;
        final int r1 = 1 * lda, r2 = 2 * lda, r3 = 3 * lda, r4 = 4 * lda, r5 = 5 * lda;
        for (int p = 0; p < kc; p++) {
            int ob = ib + p * 4 * L, oa = ia + p;
            FloatVector b0 = FloatVector.fromArray(S, pb, ob), b1 = FloatVector.fromArray(S, pb, ob + 1 * L), b2 = FloatVector.fromArray(S, pb, ob + 2 * L), b3 = FloatVector.fromArray(S, pb, ob + 3 * L);
            FloatVector av;
            av = FloatVector.broadcast(S, a[oa]); c00 = av.fma(b0, c00); c01 = av.fma(b1, c01); c02 = av.fma(b2, c02); c03 = av.fma(b3, c03);
            av = FloatVector.broadcast(S, a[oa + r1]); c10 = av.fma(b0, c10); c11 = av.fma(b1, c11); c12 = av.fma(b2, c12); c13 = av.fma(b3, c13);
            av = FloatVector.broadcast(S, a[oa + r2]); c20 = av.fma(b0, c20); c21 = av.fma(b1, c21); c22 = av.fma(b2, c22); c23 = av.fma(b3, c23);
            av = FloatVector.broadcast(S, a[oa + r3]); c30 = av.fma(b0, c30); c31 = av.fma(b1, c31); c32 = av.fma(b2, c32); c33 = av.fma(b3, c33);
            av = FloatVector.broadcast(S, a[oa + r4]); c40 = av.fma(b0, c40); c41 = av.fma(b1, c41); c42 = av.fma(b2, c42); c43 = av.fma(b3, c43);
            av = FloatVector.broadcast(S, a[oa + r5]); c50 = av.fma(b0, c50); c51 = av.fma(b1, c51); c52 = av.fma(b2, c52); c53 = av.fma(b3, c53);
        }

        FloatVector va = FloatVector.broadcast(S, alpha);
        if (beta == 0f) { // overwrite: C's old contents (maybe NaN) are never read
            c00.mul(va).intoArray(c, co); c01.mul(va).intoArray(c, co + 1 * L); c02.mul(va).intoArray(c, co + 2 * L); c03.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c10.mul(va).intoArray(c, co); c11.mul(va).intoArray(c, co + 1 * L); c12.mul(va).intoArray(c, co + 2 * L); c13.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c20.mul(va).intoArray(c, co); c21.mul(va).intoArray(c, co + 1 * L); c22.mul(va).intoArray(c, co + 2 * L); c23.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c30.mul(va).intoArray(c, co); c31.mul(va).intoArray(c, co + 1 * L); c32.mul(va).intoArray(c, co + 2 * L); c33.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c40.mul(va).intoArray(c, co); c41.mul(va).intoArray(c, co + 1 * L); c42.mul(va).intoArray(c, co + 2 * L); c43.mul(va).intoArray(c, co + 3 * L);
            co += ldc;
            c50.mul(va).intoArray(c, co); c51.mul(va).intoArray(c, co + 1 * L); c52.mul(va).intoArray(c, co + 2 * L); c53.mul(va).intoArray(c, co + 3 * L);
        } else {
            FloatVector vb = FloatVector.broadcast(S, beta);
            c00.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c01.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c02.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c03.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c10.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c11.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c12.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c13.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c20.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c21.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c22.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c23.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c30.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c31.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c32.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c33.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c40.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c41.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c42.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c43.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
            co += ldc;
            c50.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c51.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            c52.fma(va, FloatVector.fromArray(S, c, co + 2 * L).mul(vb)).intoArray(c, co + 2 * L);
            c53.fma(va, FloatVector.fromArray(S, c, co + 3 * L).mul(vb)).intoArray(c, co + 3 * L);
        }
    }

    /** As {@code k6x2}, but A read in place: row r of the panel at {@code a[ia + r*lda + p]} (A not transposed). */
    private static void k6x2a(int kc, float[] a, int ia, int lda, float[] pb, int ib, float[] c, int co, int ldc, float alpha, float beta) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z;
        FloatVector c10 = z, c11 = z;
        FloatVector c20 = z, c21 = z;
        FloatVector c30 = z, c31 = z;
        FloatVector c40 = z, c41 = z;
        FloatVector c50 = z, c51 = z;
        final int r1 = 1 * lda, r2 = 2 * lda, r3 = 3 * lda, r4 = 4 * lda, r5 = 5 * lda;
        for (int p = 0; p < kc; p++) {
            int ob = ib + p * 2 * L, oa = ia + p;
            FloatVector b0 = FloatVector.fromArray(S, pb, ob), b1 = FloatVector.fromArray(S, pb, ob + 1 * L);
            FloatVector av;
            av = FloatVector.broadcast(S, a[oa]); c00 = av.fma(b0, c00); c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, a[oa + r1]); c10 = av.fma(b0, c10); c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, a[oa + r2]); c20 = av.fma(b0, c20); c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, a[oa + r3]); c30 = av.fma(b0, c30); c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(S, a[oa + r4]); c40 = av.fma(b0, c40); c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(S, a[oa + r5]); c50 = av.fma(b0, c50); c51 = av.fma(b1, c51);
        }

        FloatVector va = FloatVector.broadcast(S, alpha);
        if (beta == 0f) { // overwrite: C's old contents (maybe NaN) are never read
            c00.mul(va).intoArray(c, co); c01.mul(va).intoArray(c, co + 1 * L);
            co += ldc;
            c10.mul(va).intoArray(c, co); c11.mul(va).intoArray(c, co + 1 * L);
            co += ldc;
            c20.mul(va).intoArray(c, co); c21.mul(va).intoArray(c, co + 1 * L);
            co += ldc;
            c30.mul(va).intoArray(c, co); c31.mul(va).intoArray(c, co + 1 * L);
            co += ldc;
            c40.mul(va).intoArray(c, co); c41.mul(va).intoArray(c, co + 1 * L);
            co += ldc;
            c50.mul(va).intoArray(c, co); c51.mul(va).intoArray(c, co + 1 * L);
        } else {
            FloatVector vb = FloatVector.broadcast(S, beta);
            c00.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c01.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            co += ldc;
            c10.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c11.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            co += ldc;
            c20.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c21.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            co += ldc;
            c30.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c31.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            co += ldc;
            c40.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c41.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
            co += ldc;
            c50.fma(va, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
            c51.fma(va, FloatVector.fromArray(S, c, co + 1 * L).mul(vb)).intoArray(c, co + 1 * L);
        }
    }
}
