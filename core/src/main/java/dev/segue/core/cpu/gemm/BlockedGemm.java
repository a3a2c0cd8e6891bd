package dev.segue.core.cpu.gemm;

import dev.segue.core.cpu.Parallel;
import java.util.function.IntConsumer;

/**
 * The packed, cache-blocked GEMM driver (the GotoBLAS/BLIS loop nest):
 * <pre>
 * for jc over N in nc columns:          B block kc × nc, packed once, shared by all tasks
 *   for pc over K in kc:                 (never split: each C element sums k in one fixed order)
 *     for ic over M in mChunk rows:      A chunk mChunk × kc, packed once, shared
 *       one parallel pass over tasks = row blocks × column blocks of C; a task first makes sure its
 *       A panels and B slivers are packed ({@link PackOnce}: whoever needs a part first packs it),
 *       then walks slivers × panels with the micro-kernel
 * </pre>
 * One barrier per (jc, pc, ic) step. A short, wide product has a single block row, so each B sliver
 * is packed by the one task that uses it into that thread's own buffer: by the kernel of its first panel when
 * B is not transposed and A is read in place (the sliver's trip from memory then overlaps FMAs), else
 * right before use.
 * The task grid depends only on the shape and the blocking, and every C element is produced by the
 * same sequence of operations whichever thread runs its task, so results do not depend on threads.
 */
final class BlockedGemm {
    private BlockedGemm() {}

    /** Fewest compute tasks per packed block we aim for, so that a few threads balance. */
    private static final int MIN_TASKS = 16;

    static void run(MicroKernel kern, Blocking bl, boolean parallel,
                    boolean transA, boolean transB, int m, int n, int k, float alpha,
                    float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                    float beta, float[] c, int cOff, int ldc) {
        run(kern, bl, parallel, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, false);
    }

    /**
     * With {@code cTransposed} the product's element (i, j) goes to c[cOff + j·ldc + i] (C holds the
     * transpose): every micro-tile is computed into the scratch tile and written back transposed, in the
     * same rounding ({@link Edges#combine}), so the bits are those of the untransposed call.
     */
    static void run(MicroKernel kern, Blocking bl, boolean parallel,
                    boolean transA, boolean transB, int m, int n, int k, float alpha,
                    float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                    float beta, float[] c, int cOff, int ldc, boolean cTransposed) {
        final int cRs = cTransposed ? 1 : ldc, cCs = cTransposed ? ldc : 1;   // C strides of a row and a column
        final int mr = bl.mr(), nr = bl.nr();
        final int kcMax = Math.min(bl.kc(), k);
        final int mChunk = Math.min(bl.mChunk(), roundUp(m, mr));
        final Workspace ws = Workspace.get();
        final float[] pa = ws.a(mChunk * kcMax);
        // A not transposed: full panels are read where they lie (only a partial last panel is packed). A task
        // walks its A panels once per B sliver from L2 either way, and reading six rows in place was measured
        // faster than packing for every shape tried (2026-11-25, thread CPU time, JDK 25 and 17): 1.05-1.5x where
        // lda is a multiple of 1024 floats (2560x2048x512: 23.6 -> 20.5 ms; 4096x4096x128: 27.0 -> 17.8 ms), which
        // an earlier rule excluded for L1 set conflicts, and 1-10% for n > 512 (1024^3 9.0 -> 8.2 ms), which it
        // packed to spare the six row streams. Packing A streamed it from memory once with nothing to overlap.
        final boolean aInPlace = !transA && kern.readsAInPlace();
        final TaskGrid g0 = TaskGrid.of(ceilDiv(Math.min(m, mChunk), mr), ceilDiv(Math.min(bl.nc(), n), nr),
                bl.mcPanels(), bl.ncSlivers(), MIN_TASKS);
        // A short, wide product (one chunk, one block row): no B sliver is shared between tasks, so
        // each task packs its own into its thread's small buffer, reused task after task and so
        // hot in L1/L2, instead of into a multi-MiB shared buffer whose lines are cold.
        final boolean bInTask = m <= mChunk && g0.rowBlocks() == 1;
        final boolean packsInKernel = bInTask && !transB && aInPlace && kern.packsBInKernel();
        final float[] pb = bInTask ? null : ws.b(roundUp(Math.min(bl.nc(), n), nr) * kcMax);

        for (int jc0 = 0; jc0 < n; jc0 += bl.nc()) {
            final int jc = jc0, nc = Math.min(bl.nc(), n - jc), slivers = ceilDiv(nc, nr);
            for (int pc0 = 0; pc0 < k; pc0 += bl.kc()) {
                final int pc = pc0, kc = Math.min(bl.kc(), k - pc);
                final float betaEff = pc == 0 ? beta : 1f;
                // shared B parts: the column blocks of the first A chunk's grid (later chunks may
                // split columns differently, so a task ensures every part its slivers overlap)
                final TaskGrid gb = TaskGrid.of(ceilDiv(Math.min(m, mChunk), mr), slivers, bl.mcPanels(), bl.ncSlivers(), MIN_TASKS);
                final int[] partOf = new int[slivers];
                for (int cb = 0; cb < gb.colBlocks(); cb++) {
                    for (int sl = gb.colStart(cb); sl < gb.colEnd(cb); sl++) partOf[sl] = cb;
                }
                final PackOnce bPacked = bInTask ? null : new PackOnce(gb.colBlocks(), cb -> {
                    int s0 = gb.colStart(cb), s1 = gb.colEnd(cb);
                    Packing.packB(transB, b, bOff, ldb, pc, kc, jc + s0 * nr, Math.min((s1 - s0) * nr, nc - s0 * nr),
                            nr, nr * kc, pb, s0 * nr * kc);
                });
                for (int ic0 = 0; ic0 < m; ic0 += mChunk) {
                    final int ic = ic0, rows = Math.min(mChunk, m - ic), panels = ceilDiv(rows, mr);
                    final TaskGrid grid = TaskGrid.of(panels, slivers, bl.mcPanels(), bl.ncSlivers(), MIN_TASKS);
                    // A parts: this chunk's block rows
                    final PackOnce aPacked = new PackOnce(grid.rowBlocks(), rb -> {
                        for (int q = grid.rowStart(rb * grid.colBlocks()), end = grid.rowEnd(rb * grid.colBlocks()); q < end; q++) {
                            if (aInPlace && rows - q * mr >= mr) continue;
                            Packing.packA(transA, a, aOff, lda, ic + q * mr, Math.min(mr, rows - q * mr), pc, kc, mr, pa, q * mr * kc);
                        }
                    });
                    final int cBase = cOff + ic * cRs + jc * cCs;
                    forEach(parallel, grid.count(), t -> {
                        aPacked.ensure(t / grid.colBlocks());
                        final int s0 = grid.colStart(t), s1 = grid.colEnd(t);
                        if (bInTask) {
                            float[] own = Workspace.get().b((s1 - s0) * nr * kc);
                            // B not transposed and A in place: the first panel's kernel packs each full sliver as it
                            // reads it from B (its FMAs overlap the trip from memory); else pack the task's slivers first
                            boolean packInKernel = packsInKernel && rows >= mr;
                            int full = packInKernel ? Math.min(s1, nc / nr) : s0;      // slivers [s0, full) are packed by the kernel
                            if (full < s1) {
                                Packing.packB(transB, b, bOff, ldb, pc, kc, jc + full * nr, Math.min((s1 - full) * nr, nc - full * nr),
                                        nr, nr * kc, own, (full - s0) * nr * kc);
                            }
                            macro(kern, grid, t, rows, nc, kc, pa, a, aInPlace ? aOff + ic * lda + pc : -1, lda, own, -s0 * nr * kc, c, cBase, cRs, cCs, alpha, betaEff,
                                    packInKernel ? b : null, bOff + pc * ldb + jc, ldb, full);
                        } else {
                            for (int part = partOf[s0], last = partOf[s1 - 1]; part <= last; part++) bPacked.ensure(part);
                            macro(kern, grid, t, rows, nc, kc, pa, a, aInPlace ? aOff + ic * lda + pc : -1, lda, pb, 0, c, cBase, cRs, cCs, alpha, betaEff,
                                    null, 0, 0, 0);
                        }
                    });
                }
            }
        }
    }

    /**
     * One compute task: its slivers (outer, the B sliver stays hot) × its panels (inner). With
     * {@code aBase ≥ 0} full A panels are read in place from {@code a} at {@code aBase + i·lda}. With
     * {@code bSrc} non-null, slivers below {@code packedFrom} are not packed yet: the task's first panel reads
     * each from B (row p of sliver s at {@code bSrc[bBase + p·ldb + s·nr]}) and packs it into pb on the way.
     */
    private static void macro(MicroKernel kern, TaskGrid grid, int task, int rows, int nc, int kc,
                              float[] pa, float[] a, int aBase, int lda, float[] pb, int pbBase,
                              float[] c, int cBase, int cRs, int cCs, float alpha, float beta,
                              float[] bSrc, int bBase, int ldb, int packedFrom) {
        final int mr = kern.mr(), nr = kern.nr();
        final int ldc = cRs;              // the kernels' row stride of C, when C's columns are contiguous (cCs == 1)
        final int q0 = grid.rowStart(task), q1 = grid.rowEnd(task);
        final int s0 = grid.colStart(task), s1 = grid.colEnd(task);
        float[] tile = null;
        for (int s = s0; s < s1; s++) {
            final int j = s * nr, cols = Math.min(nr, nc - j), ib = pbBase + s * nr * kc;
            for (int q = q0; q < q1; q++) {
                final int i = q * mr, rowsT = Math.min(mr, rows - i), ia = q * mr * kc;
                final int co = cBase + i * cRs + j * cCs;
                final boolean inPlace = aBase >= 0 && rowsT == mr;
                if (bSrc != null && q == q0 && s < packedFrom) {         // full panel, full sliver (see the caller)
                    kern.computeInPlaceAPackingB(kc, a, aBase + i * lda, lda, bSrc, bBase + j, ldb, pb, ib, c, co, ldc, alpha, beta);
                } else if (rowsT == mr && cols == nr && cCs == 1) {
                    if (inPlace) kern.computeInPlaceA(kc, a, aBase + i * lda, lda, pb, ib, c, co, ldc, alpha, beta);
                    else kern.compute(kc, pa, ia, pb, ib, c, co, ldc, alpha, beta);
                } else {
                    if (tile == null) tile = Workspace.get().tile(mr * nr);
                    if (inPlace) kern.computeInPlaceA(kc, a, aBase + i * lda, lda, pb, ib, tile, 0, nr, 1f, 0f);
                    else kern.compute(kc, pa, ia, pb, ib, tile, 0, nr, 1f, 0f);
                    Edges.writeBack(tile, nr, rowsT, cols, c, co, cRs, cCs, alpha, beta);
                }
            }
        }
    }

    private static void forEach(boolean parallel, int n, IntConsumer body) {
        if (parallel) Parallel.forEach(n, body);
        else for (int i = 0; i < n; i++) body.accept(i);
    }

    static int ceilDiv(int a, int b) { return (a + b - 1) / b; }

    static int roundUp(int a, int b) { return ceilDiv(a, b) * b; }
}
