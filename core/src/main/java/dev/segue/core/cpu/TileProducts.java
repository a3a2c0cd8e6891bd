package dev.segue.core.cpu;

/**
 * The small matrix products of the fused attention kernel, without packing:
 * {@code C[m, n] = alpha · A·B + beta · C} with A read through strides (so Pᵀ is as cheap as P) and B
 * row-major with contiguous rows. A tile product uses each B element only m ≤ 64 times, so copying B into
 * the packed GEMM's layout cost about as much as the multiply-adds (a third of a short-sequence attention
 * step); here the vector kernel reads B rows in place, n columns at a time.
 *
 * <p>Every C element is Σ_p A[i,p]·B[p,j] accumulated with one fma per p in increasing p, then
 * {@code alpha · acc + beta · c}: the vector kernel and this scalar reference give the same bits
 * (tested), so results do not depend on whether the Vector API is present or compiled yet.
 */
final class TileProducts {
    private TileProducts() {}

    /**
     * C[i·ldc + j] = alpha · Σ_p a[aOff + i·ars + p·acs] · b[bOff + p·ldb + j] + beta · C (beta 0: C is
     * overwritten, NaN in it ignored), for i < m, j < n, p < k.
     */
    static void mulAdd(int m, int n, int k, float alpha, float[] a, int aOff, int ars, int acs,
                       float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        if (RowKernels.VECTOR) VectorTileProducts.mulAdd(m, n, k, alpha, a, aOff, ars, acs, b, bOff, ldb, beta, c, cOff, ldc);
        else mulAddScalar(m, n, k, alpha, a, aOff, ars, acs, b, bOff, ldb, beta, c, cOff, ldc, 0);
    }

    /** The reference (and the column tail of the vector kernel, from column j0 on). */
    static void mulAddScalar(int m, int n, int k, float alpha, float[] a, int aOff, int ars, int acs,
                             float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc, int j0) {
        for (int i = 0; i < m; i++) {
            for (int j = j0; j < n; j++) {
                float acc = 0f;
                for (int p = 0; p < k; p++) acc = Math.fma(a[aOff + i * ars + p * acs], b[bOff + p * ldb + j], acc);
                int o = cOff + i * ldc + j;
                c[o] = beta == 0f ? alpha * acc : alpha * acc + beta * c[o];
            }
        }
    }

    /**
     * Whether A·Bᵀ products with this inner length run as dot products ({@link #dotRows}) rather than as
     * {@link #mulAdd} over a transposed copy of B: from 8 vectors of depth on, the horizontal sums cost
     * less than transposing B (which cost a third of a T = 20, D = 256 attention step).
     */
    static boolean dotForm(int k) {
        return RowKernels.VECTOR && k >= 8 * VectorMath.L;
    }

    /**
     * C[i·ldc + j] = alpha · Σ_p a[aOff + i·lda + p] · b[bOff + j·ldb + p] for i < m, j < n (A·Bᵀ with both
     * operands' rows contiguous; C overwritten). With the Vector API each dot product accumulates one vector
     * of lanes, which are summed by a fixed tree (lane l plus lane l ^ h, for h = L/2 … 1), then the tail
     * p ≥ k − k mod L in order: {@link #dotRowsReference} gives the same bits.
     */
    static void dotRows(int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                        float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        if (RowKernels.VECTOR) VectorTileProducts.dotRows(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        else dotRowsReference(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, 1);
    }

    /** {@link #dotRows} in scalar code, summing like a kernel of {@code lanes} lanes (1: in plain order). */
    static void dotRowsReference(int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                                 float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, int lanes) {
        int kv = k / lanes * lanes;
        float[] acc = new float[lanes], t = new float[lanes];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ao = aOff + i * lda, bo = bOff + j * ldb;
                java.util.Arrays.fill(acc, 0f);
                for (int p = 0; p < kv; p++) acc[p % lanes] = Math.fma(a[ao + p], b[bo + p], acc[p % lanes]);
                for (int h = lanes / 2; h >= 1; h /= 2) {
                    for (int l = 0; l < lanes; l++) t[l] = acc[l] + acc[l ^ h];
                    System.arraycopy(t, 0, acc, 0, lanes);
                }
                float sum = acc[0];
                for (int p = kv; p < k; p++) sum = Math.fma(a[ao + p], b[bo + p], sum);
                c[cOff + i * ldc + j] = alpha * sum;
            }
        }
    }

    /**
     * Writes the [rows, cols] block of x (row stride ld) transposed into {@code t} as [cols, pad] (pad ≥ rows),
     * zeros in the padding columns, and returns t (a new array when t is null or too short): Kᵀ and Vᵀ, so
     * that Q·Kᵀ and dO·Vᵀ read B rows in place and whole vectors of scores.
     */
    static float[] transposedPadded(float[] x, int base, int rows, int cols, int ld, int pad, float[] t) {
        if (t == null || t.length < cols * pad) t = new float[cols * pad];
        for (int c = 0; c < cols; c++) {           // a column of x at a time: the rows' lines stay in L1, t is written in order
            int to = c * pad, xo = base + c;
            for (int r = 0; r < rows; r++) t[to + r] = x[xo + r * ld];
            for (int r = rows; r < pad; r++) t[to + r] = 0f;
        }
        return t;
    }

    /**
     * The row length of a transposed, padded tile: n rounded up to a whole number of vectors (itself without
     * the Vector API), plus one vector when that is a multiple of 256 floats, so that the rows a kernel
     * reads together do not sit a multiple of 1 KiB apart (they would compete for the same L1 sets).
     */
    static int rowLength(int n) {
        int p = wholeVectors(n);
        return RowKernels.VECTOR && p % 256 == 0 ? p + VectorMath.L : p;
    }

    /** n rounded up to a whole number of vectors (itself without the Vector API). */
    static int wholeVectors(int n) {
        if (!RowKernels.VECTOR) return n;
        int l = VectorMath.L;
        return (n + l - 1) / l * l;
    }
}
