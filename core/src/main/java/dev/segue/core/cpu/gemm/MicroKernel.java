package dev.segue.core.cpu.gemm;

/**
 * An {@code mr × nr} register-tiled kernel over packed operands:
 * {@code C[0..mr, 0..nr] = alpha · Σ_p pa[ia + p·mr + r] · pb[ib + p·nr + j] + beta · C}, with C at
 * {@code c[co + r·ldc + j]}. {@code beta == 0} overwrites C without reading it.
 */
interface MicroKernel {
    int mr();

    int nr();

    void compute(int kc, float[] pa, int ia, float[] pb, int ib, float[] c, int co, int ldc, float alpha, float beta);

    /**
     * Whether {@link #computeInPlaceA} exists: A (not transposed) read where it lies, row r of the
     * panel at {@code a[ia + r·lda + p]}, which saves packing A (the driver uses it whenever A is not transposed). Same
     * arithmetic, in the same order, as {@link #compute} on the packed panel.
     */
    default boolean readsAInPlace() { return false; }

    default void computeInPlaceA(int kc, float[] a, int ia, int lda, float[] pb, int ib, float[] c, int co, int ldc,
                                 float alpha, float beta) {
        throw new IllegalStateException(getClass().getSimpleName() + " packs A; call computeInPlaceA only when readsAInPlace() is true");
    }

    /** Whether {@link #computeInPlaceAPackingB} exists. */
    default boolean packsBInKernel() { return false; }

    /**
     * {@link #computeInPlaceA} that reads its B sliver from B itself (not transposed: row p of the sliver at
     * {@code b[bo + p·ldb + j]}) and stores it packed at {@code pb[ib + p·nr + j]} on the way, for the panels
     * after it. The first panel's FMAs then overlap the sliver's trip from memory, which a separate packing pass
     * spends waiting. Same arithmetic, in the same order, as {@link #compute}.
     */
    default void computeInPlaceAPackingB(int kc, float[] a, int ia, int lda, float[] b, int bo, int ldb, float[] pb, int ib,
                                         float[] c, int co, int ldc, float alpha, float beta) {
        throw new IllegalStateException(getClass().getSimpleName() + " has no packing kernel");
    }
}
