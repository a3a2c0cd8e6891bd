package dev.segue.core.cpu.gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.segue.core.cpu.Parallel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every GEMM path against {@link NaiveGemm} (double accumulation). Tolerance: a float32 sum of k
 * products has a rounding error that grows like sqrt(k)·eps for random-sign terms, so we allow
 * {@code 1e-5·sqrt(k+1)} relative to the largest |reference| value of the block (plus the rounding of
 * alpha/beta scaling, covered by the +1).
 */
class GemmTest {
    private static final int[][] SHAPES = { // m, n, k: ones, odd sizes, edges of 6 × 64 tiles, > one kc block
        {1, 1, 1}, {1, 3, 17}, {3, 1, 5}, {3, 3, 3}, {17, 17, 17}, {7, 65, 33}, {13, 129, 40},
        {129, 17, 129}, {40, 70, 300}, {64, 64, 64}, {6, 64, 257}, {37, 130, 270},
    };
    private final int savedThreads = Parallel.threads();

    @AfterEach void restoreThreads() { Parallel.setThreads(savedThreads); }

    /** The kernels this JVM can run: always the scalar one, the vector one when the module is there. */
    private static MicroKernel[] kernels() {
        return Gemm.VECTORIZED ? new MicroKernel[] {Gemm.kernel(false), Gemm.kernel(true)}
                               : new MicroKernel[] {Gemm.kernel(false)};
    }

    /** Tiny blocks so that modest shapes cross every kc / nc / mChunk boundary and edge tile. */
    private static Blocking tiny(MicroKernel kern) {
        return new Blocking(kern.mr(), kern.nr(), 16, 2, 1, kern.nr() * 2, kern.mr() * 3);
    }

    @Test void allPathsMatchNaiveOnAllTransposesAndScalings() {
        SplittableRandom rnd = new SplittableRandom(1);
        float[][] alphaBeta = {{1f, 0f}, {1f, 1f}, {-0.75f, 0.5f}, {2f, 0f}};
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                float[] ab = alphaBeta[(t + s[0]) % alphaBeta.length];
                for (MicroKernel kern : kernels()) {
                    for (Blocking bl : new Blocking[] {Blocking.forKernel(kern.mr(), kern.nr()), tiny(kern)}) {
                        check(rnd, s[0], s[1], s[2], ta, tb, ab[0], ab[1], (p, args) -> BlockedGemm.run(kern, bl, true,
                                ta, tb, p[0], p[1], p[2], args.alpha, args.a, args.aOff, args.lda, args.b, args.bOff, args.ldb,
                                args.beta, args.c, args.cOff, args.ldc), kern + " " + bl);
                    }
                }
                check(rnd, s[0], s[1], s[2], ta, tb, ab[0], ab[1], (p, x) -> SmallGemm.run(ta, tb, p[0], p[1], p[2],
                        x.alpha, x.a, x.aOff, x.lda, x.b, x.bOff, x.ldb, x.beta, x.c, x.cOff, x.ldc), "small");
                check(rnd, s[0], s[1], s[2], ta, tb, ab[0], ab[1], (p, x) -> Gemm.sgemm(ta, tb, p[0], p[1], p[2],
                        x.alpha, x.a, x.aOff, x.lda, x.b, x.bOff, x.ldb, x.beta, x.c, x.cOff, x.ldc), "public");
            }
        }
    }

    @Test void largerThanOneDefaultBlockInEveryDimension() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (MicroKernel kern : kernels()) {
            Blocking bl = Blocking.forKernel(kern.mr(), kern.nr());
            // k > kc, and n > nc with the default blocking only for the narrow scalar kernel; the tiny
            // blocking covers the rest in the test above
            check(rnd, 2 * bl.mr() + 1, bl.nr() * 3 + 5, bl.kc() + 7, false, true, 1f, 0.5f, (p, x) -> BlockedGemm.run(kern, bl,
                    true, false, true, p[0], p[1], p[2], x.alpha, x.a, x.aOff, x.lda, x.b, x.bOff, x.ldb, x.beta,
                    x.c, x.cOff, x.ldc), kern.toString());
        }
        // short and wide (n > nc): every task packs its own B slivers
        check(rnd, 12, 2100, 40, false, false, 1f, 1f, (p, x) -> Gemm.sgemm(false, false, p[0], p[1], p[2],
                x.alpha, x.a, x.aOff, x.lda, x.b, x.bOff, x.ldb, x.beta, x.c, x.cOff, x.ldc), "public short-wide");
        check(rnd, 50, 100, 530, true, false, 1f, 0f, (p, x) -> Gemm.sgemm(true, false, p[0], p[1], p[2],
                x.alpha, x.a, x.aOff, x.lda, x.b, x.bOff, x.ldb, x.beta, x.c, x.cOff, x.ldc), "public large");
    }

    /**
     * Both kernels compute each C element as the same sequence of float operations (an FMA chain over
     * p within each kc block, then {@link Edges#combine}), so they agree bit for bit.
     */
    @Test void vectorAndScalarKernelsAreBitIdentical() {
        assumeTrue(Gemm.VECTORIZED, "jdk.incubator.vector absent: only the scalar path exists");
        SplittableRandom rnd = new SplittableRandom(3);
        int m = 50, n = 150, k = 700; // k > kc: two kc blocks
        for (float beta : new float[] {0f, 0.5f}) {
            for (boolean ta : new boolean[] {false, true}) { // A read in place / packed
                float[] a = random(rnd, k * m), b = random(rnd, k * n), c0 = random(rnd, m * n);
                float[] cv = c0.clone(), cs = c0.clone();
                int lda = ta ? m : k;
                Gemm.compute(Gemm.kernel(true), true, ta, false, m, n, k, 1.25f, a, 0, lda, b, 0, n, beta, cv, 0, n);
                Gemm.compute(Gemm.kernel(false), true, ta, false, m, n, k, 1.25f, a, 0, lda, b, 0, n, beta, cs, 0, n);
                assertArrayEquals(cs, cv, "beta " + beta + " transA " + ta);
            }
        }
    }

    /**
     * Short, wide products with B transposed run swapped ((B·Aᵀ)ᵀ, C written transposed): they match the naive
     * product (nothing written outside C) and give the bits of the unswapped driver, for both kernels, partial
     * panels and slivers, several kc blocks, beta 0 (NaN in C ignored) and not.
     */
    @Test void swappedShortWideProductsMatchAndKeepTheUnswappedBits() {
        SplittableRandom rnd = new SplittableRandom(6);
        int[][] shapes = {{13, 200, 130}, {6, 1000, 300}, {64, 4096, 128}, {1, 517, 700}, {100, 401, 1030}};
        for (int[] s : shapes) {
            for (MicroKernel kern : kernels()) {
                assertTrue(!kern.readsAInPlace() || Gemm.swapsOperands(kern, false, true, s[0], s[1], s[2]), "shape swaps");
                for (float beta : new float[] {0f, 0.5f}) {
                    check(rnd, s[0], s[1], s[2], false, true, -1.5f, beta, (p, x) -> Gemm.compute(kern, true, false, true, p[0], p[1], p[2],
                            x.alpha, x.a, x.aOff, x.lda, x.b, x.bOff, x.ldb, x.beta, x.c, x.cOff, x.ldc), kern + " swapped");
                    int m = s[0], n = s[1], k = s[2], ldc = n + 1;
                    float[] a = random(rnd, m * k), b = random(rnd, n * k), c0 = random(rnd, m * ldc);
                    float[] swapped = c0.clone(), direct = c0.clone();
                    Gemm.compute(kern, true, false, true, m, n, k, 0.75f, a, 0, k, b, 0, k, beta, swapped, 0, ldc);
                    BlockedGemm.run(kern, Blocking.forKernel(kern.mr(), kern.nr()), true, false, true, m, n, k, 0.75f, a, 0, k, b, 0, k,
                            beta, direct, 0, ldc);
                    assertArrayEquals(direct, swapped, kern + " bits, shape " + java.util.Arrays.toString(s) + " beta " + beta);
                }
            }
        }
    }

    /**
     * Short, wide products with B not transposed: the first panel's kernel packs each full B sliver as it reads
     * it. Against the naive product and, bit for bit, the scalar kernel (which packs B before computing):
     * partial panels and a partial last sliver, several kc blocks, beta 0 and not, B with a padded row stride.
     */
    @Test void kernelPackedSliversMatchAndKeepTheBits() {
        SplittableRandom rnd = new SplittableRandom(7);
        int[][] shapes = {{6, 64, 16}, {7, 1000, 70}, {12, 2100, 600}, {50, 5000, 300}, {128, 777, 513}};
        for (int[] s : shapes) {
            for (float beta : new float[] {0f, -0.5f}) {
                for (MicroKernel kern : kernels())
                    check(rnd, s[0], s[1], s[2], false, false, 1.25f, beta, (p, x) -> Gemm.compute(kern, true, false, false, p[0], p[1], p[2],
                            x.alpha, x.a, x.aOff, x.lda, x.b, x.bOff, x.ldb, x.beta, x.c, x.cOff, x.ldc), kern + " short-wide");
                if (!Gemm.VECTORIZED) continue;
                int m = s[0], n = s[1], k = s[2], ldb = n + 3, ldc = n + 1;
                float[] a = random(rnd, m * k), b = random(rnd, k * ldb), c0 = random(rnd, m * ldc);
                float[] cv = c0.clone(), cs = c0.clone();
                Gemm.compute(Gemm.kernel(true), true, false, false, m, n, k, 0.5f, a, 0, k, b, 0, ldb, beta, cv, 0, ldc);
                Gemm.compute(Gemm.kernel(false), true, false, false, m, n, k, 0.5f, a, 0, k, b, 0, ldb, beta, cs, 0, ldc);
                assertArrayEquals(cs, cv, "bits, shape " + java.util.Arrays.toString(s) + " beta " + beta);
            }
        }
    }

    @Test void bitIdenticalForOneAndTwoThreads() {
        SplittableRandom rnd = new SplittableRandom(4);
        int m = 96, n = 130, k = 300; // above Gemm.PARALLEL_WORK
        float[] a = random(rnd, m * k), b = random(rnd, n * k);
        float[] c1 = random(rnd, m * n), c2 = c1.clone();
        Parallel.setThreads(1);
        Gemm.sgemm(false, true, m, n, k, 1.5f, a, 0, k, b, 0, k, 0.5f, c1, 0, n);
        Parallel.setThreads(2);
        Gemm.sgemm(false, true, m, n, k, 1.5f, a, 0, k, b, 0, k, 0.5f, c2, 0, n);
        assertArrayEquals(c1, c2);
    }

    @Test void batchedWithBroadcastOperand() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int[] s : new int[][] {{5, 7, 9}, {70, 90, 80}, {300, 260, 270}}) {
            int m = s[0], n = s[1], k = s[2], batch = 3, lda = k + 2, ldb = n + 1, ldc = n + 3;
            long strideA = (long) m * lda + 5, strideC = (long) m * ldc + 1;
            float[] a = random(rnd, (int) (batch * strideA) + 4);
            float[] b = random(rnd, k * ldb + 2); // stride 0: one B for every item
            float[] c = random(rnd, (int) (batch * strideC) + 3), ref = c.clone();
            Gemm.sgemmBatched(batch, false, false, m, n, k, 0.5f, a, 3, lda, strideA, b, 2, ldb, 0,
                    1f, c, 2, ldc, strideC);
            for (int i = 0; i < batch; i++) {
                NaiveGemm.sgemm(false, false, m, n, k, 0.5f, a, 3 + (int) (i * strideA), lda, b, 2, ldb,
                        1f, ref, 2 + (int) (i * strideC), ldc);
            }
            assertClose(ref, c, maxAbs(ref) * 1e-5 * Math.sqrt(k + 1), "batched " + m + "x" + n + "x" + k);
        }
    }

    @Test void degenerateSizesAndBadArguments() {
        float[] c = {Float.NaN, 2f};
        Gemm.sgemm(false, false, 1, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 0f, c, 0, 2);
        assertArrayEquals(new float[] {0f, 0f}, c); // k = 0, beta = 0: C cleared, NaN included
        float[] d = {1f, 2f};
        Gemm.sgemm(false, false, 1, 2, 3, 0f, new float[3], 0, 3, new float[6], 0, 2, 3f, d, 0, 2);
        assertArrayEquals(new float[] {3f, 6f}, d);
        Gemm.sgemm(false, false, 0, 5, 5, 1f, null, 0, 5, null, 0, 5, 0f, null, 0, 5); // empty: nothing read
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, new float[6], 0, 2, new float[6], 0, 2, 0f, new float[4], 0, 2));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, new float[5], 0, 3, new float[6], 0, 2, 0f, new float[4], 0, 2));
        assertThrows(IllegalArgumentException.class, () -> Gemm.sgemmBatched(2, false, false, 2, 2, 2, 1f,
                new float[8], 0, 2, 4, new float[4], 0, 2, 0, 0f, new float[4], 0, 2, 0));
    }

    // ---- helpers

    private record Args(float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                        float beta, float[] c, int cOff, int ldc) {}

    @FunctionalInterface private interface Impl { void run(int[] mnk, Args args); }

    /** Random operands with offsets and padded leading dimensions; C prefilled (NaN when beta = 0). */
    private static void check(SplittableRandom rnd, int m, int n, int k, boolean ta, boolean tb,
                              float alpha, float beta, Impl impl, String what) {
        int lda = (ta ? m : k) + rnd.nextInt(3), ldb = (tb ? k : n) + rnd.nextInt(3), ldc = n + rnd.nextInt(3);
        int aOff = rnd.nextInt(4), bOff = rnd.nextInt(4), cOff = rnd.nextInt(4);
        float[] a = random(rnd, aOff + (ta ? k : m) * lda);
        float[] b = random(rnd, bOff + (tb ? n : k) * ldb);
        float[] c = random(rnd, cOff + m * ldc);
        if (beta == 0f) java.util.Arrays.fill(c, Float.NaN);
        float[] ref = c.clone();
        NaiveGemm.sgemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, ref, cOff, ldc);
        impl.run(new int[] {m, n, k}, new Args(alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc));
        String label = what + " m=" + m + " n=" + n + " k=" + k + " ta=" + ta + " tb=" + tb + " alpha=" + alpha + " beta=" + beta;
        double tol = Math.max(maxAbs(ref), 1e-30) * 1e-5 * Math.sqrt(k + 1);
        for (int i = 0; i < c.length; i++) {
            boolean inC = i >= cOff && (i - cOff) % ldc < n && (i - cOff) / ldc < m;
            if (!inC && Float.compare(c[i], ref[i]) != 0 && !(Float.isNaN(c[i]) && Float.isNaN(ref[i]))) {
                fail(label + ": wrote outside C at " + i);
            }
        }
        assertClose(ref, c, tol, label);
    }

    private static void assertClose(float[] ref, float[] got, double tol, String label) {
        assertEquals(ref.length, got.length);
        for (int i = 0; i < ref.length; i++) {
            if (Float.isNaN(ref[i]) && Float.isNaN(got[i])) continue;
            assertTrue(Math.abs(ref[i] - got[i]) <= tol, () -> label + ": differs, ref " + java.util.Arrays.toString(
                    java.util.Arrays.copyOf(ref, Math.min(8, ref.length))) + " got " + java.util.Arrays.toString(
                    java.util.Arrays.copyOf(got, Math.min(8, got.length))));
        }
    }

    private static double maxAbs(float[] x) {
        double m = 0;
        for (float v : x) if (!Float.isNaN(v)) m = Math.max(m, Math.abs(v));
        return m;
    }

    private static float[] random(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (rnd.nextDouble() * 2 - 1);
        return x;
    }
}
