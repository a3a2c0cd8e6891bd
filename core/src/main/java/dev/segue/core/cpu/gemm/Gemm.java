package dev.segue.core.cpu.gemm;

import dev.segue.core.cpu.Parallel;

/**
 * Single-precision GEMM on the CPU: {@code C = alpha · op(A) · op(B) + beta · C}, row-major.
 *
 * <p>Large products run the packed, cache-blocked driver ({@link BlockedGemm}) with the Vector API
 * micro-kernel ({@link VectorKernel}) when {@code jdk.incubator.vector} is in the boot layer, else
 * with a scalar micro-kernel; tiny ones ({@code m·n·k < }{@value #SMALL_WORK}) run {@link SmallGemm}
 * (no packing) and small ones ({@code m·n·k < }{@value #PARALLEL_WORK}) stay on the caller's thread.
 * Work is split over {@link Parallel} by M × N tiles only, never over K, so results are bit-identical
 * for any thread count. The system property {@code segue.gemm.scalar=true} forces the scalar kernel.
 *
 * <p>JIT warm-up: the vector micro-kernel is fast only once C2 has compiled it (C1 cannot compile it
 * and the interpreter runs the Vector API ~10⁴× slower). Until then calls use the scalar kernel,
 * which gives bit-identical results ({@link VectorWarmup}); benchmarks call {@link #warmUp} first.
 */
public final class Gemm {
    private Gemm() {}

    /** Below this many multiply-adds packing costs more than it saves (16³; measured crossover). */
    static final long SMALL_WORK = 16L * 16 * 16;
    /** Below this many multiply-adds (128³, ~20 µs) waking the pool costs more than it saves. */
    static final long PARALLEL_WORK = 128L * 128 * 128;
    /** Batched products smaller than this run one item per task instead of parallelising inside. */
    static final long BATCH_ITEM_WORK = 256L * 256 * 256;

    /** Whether the Vector API kernel is used; decided once, before any vector class is loaded. */
    public static final boolean VECTORIZED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("segue.gemm.scalar");

    /**
     * C[m,n] = alpha * op(A)[m,k] · op(B)[k,n] + beta * C. Row-major. op(A)=A (lda≥k) or Aᵀ when
     * transA (A stored [k,m], lda≥m). Same for B. beta==0 ⇒ C is overwritten (NaNs in C ignored).
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        GemmChecks.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        compute(fastKernel(), true, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /**
     * Waits until the fast (vector) kernel has been compiled by the JIT, so that timings taken from
     * now on are steady; returns at once without the Vector API. See {@link VectorWarmup}.
     *
     * @return false if it was not ready within the timeout
     */
    public static boolean warmUp(java.time.Duration timeout) throws InterruptedException {
        return !VECTORIZED || VectorWarmup.await(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * Batch of independent GEMMs; operand i starts at off + i*stride (stride 0 = broadcast operand;
     * C's blocks must not overlap, so strideC is 0 only for batch ≤ 1).
     */
    public static void sgemmBatched(int batch, boolean transA, boolean transB, int m, int n, int k, float alpha,
                                    float[] a, int aOff, int lda, long strideA, float[] b, int bOff, int ldb, long strideB,
                                    float beta, float[] c, int cOff, int ldc, long strideC) {
        if (batch < 0) throw new IllegalArgumentException("batch must be >= 0, got " + batch);
        if (batch == 0) return;
        if (batch > 1 && strideC == 0 && m > 0 && n > 0) {
            throw new IllegalArgumentException("strideC == 0 with batch > 1 would race on C");
        }
        for (int i = 0; i < batch; i += Math.max(1, batch - 1)) { // first and last items bound the extents
            GemmChecks.check(transA, transB, m, n, k, a, offset(aOff, i, strideA), lda, b, offset(bOff, i, strideB), ldb,
                    c, offset(cOff, i, strideC), ldc);
        }
        MicroKernel kern = fastKernel();
        boolean perItem = batch > 1 && (long) m * n * k < BATCH_ITEM_WORK;
        if (perItem) {
            Parallel.forEach(batch, i -> compute(kern, false, transA, transB, m, n, k, alpha,
                    a, offset(aOff, i, strideA), lda, b, offset(bOff, i, strideB), ldb,
                    beta, c, offset(cOff, i, strideC), ldc));
        } else {
            for (int i = 0; i < batch; i++) {
                compute(kern, true, transA, transB, m, n, k, alpha, a, offset(aOff, i, strideA), lda,
                        b, offset(bOff, i, strideB), ldb, beta, c, offset(cOff, i, strideC), ldc);
            }
        }
    }

    /**
     * The kernel for this call: vector once it runs compiled, scalar before (bit-identical results,
     * see {@link VectorWarmup}). VectorWarmup is touched only with the Vector API present.
     */
    private static MicroKernel fastKernel() {
        return kernel(VECTORIZED && VectorWarmup.ready());
    }

    /** The micro-kernel: the vector one only if asked, so the vector classes load only then. */
    static MicroKernel kernel(boolean vector) {
        return vector ? VectorKernel.INSTANCE : ScalarKernel.INSTANCE;
    }

    /** Arguments already checked. Picks the small path or the blocked driver. */
    static void compute(MicroKernel kern, boolean parallel, boolean transA, boolean transB, int m, int n, int k,
                        float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                        float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0f) {
            scale(m, n, beta, c, cOff, ldc);
        } else if ((long) m * n * k < SMALL_WORK) {
            SmallGemm.run(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else if (swapsOperands(kern, transA, transB, m, n, k)) {
            // Cᵀ = B·Aᵀ into C transposed: B's rows become the A panels, read in place
            BlockedGemm.run(kern, Blocking.forKernel(kern.mr(), kern.nr()), parallel && (long) m * n * k >= PARALLEL_WORK,
                    false, true, n, m, k, alpha, b, bOff, ldb, a, aOff, lda, beta, c, cOff, ldc, true);
        } else {
            BlockedGemm.run(kern, Blocking.forKernel(kern.mr(), kern.nr()), parallel && (long) m * n * k >= PARALLEL_WORK,
                    transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /**
     * Whether A·Bᵀ runs as (B·Aᵀ)ᵀ: a short, wide product with B transposed — scores of a few queries against a
     * whole catalogue (Q·Eᵀ), an output projection h·Wᵀ. Computed directly, every B sliver must first be packed by
     * a transposing copy that costs about as much as its multiply-adds when m is small (a quarter of the time at
     * 128×512·(100,000×512)ᵀ); swapped, B's rows are the A panels the kernel reads in place as they stream from
     * memory, Aᵀ is the small packed operand, and only the micro-tiles' write-back is transposed (scalar, so k must
     * be deep enough to hide it). Same products in the same order: the same bits.
     */
    static boolean swapsOperands(MicroKernel kern, boolean transA, boolean transB, int m, int n, int k) {
        return transB && !transA && kern.readsAInPlace() && m <= 512 && n >= 4L * m && k >= 128;
    }

    /** C = beta · C (beta 0 clears, NaNs included): the whole product when alpha or k is 0. */
    private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1f) return;
        for (int i = 0; i < m; i++) {
            int o = cOff + i * ldc;
            for (int j = 0; j < n; j++) c[o + j] = beta == 0f ? 0f : c[o + j] * beta;
        }
    }

    private static int offset(int off, int i, long stride) {
        long o = off + i * stride;
        if (o < 0 || o > Integer.MAX_VALUE) throw new IndexOutOfBoundsException("batch item " + i + " starts at " + o);
        return (int) o;
    }
}
