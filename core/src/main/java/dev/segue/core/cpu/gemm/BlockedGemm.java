package dev.segue.core.cpu.gemm;

import dev.segue.core.cpu.Parallel;
import java.util.function.IntConsumer;

/**
 * The packed, cache-blocked GEMM driver (the GotoBLAS/BLIS loop nest):
 * <pre>
 * for jc over N in nc columns:                 B block kc × nc packed once, shared by all tasks
 *   for pc over K in kc:                        (never split: each C element sums k in one fixed order)
 *     for ic over M in mChunk rows:
 *       pack op(A)[ic.., pc..] into panels      parallel over groups of panels, together with
 *       (first ic) op(B)[pc.., jc..] into slivers   groups of slivers (or per task, see bInTask)
 *       compute tasks = row blocks × col blocks parallel; each walks slivers × panels with the micro-kernel
 * </pre>
 * The task grid depends only on the shape and the blocking, and every C element is produced by the
 * same sequence of operations whichever thread runs its task, so results do not depend on threads.
 */
final class BlockedGemm {
    private BlockedGemm() {}

    /** Fewest compute tasks per packed block we aim for, so that a few threads balance. */
    private static final int MIN_TASKS = 16;
    private static final int PACK_A_GROUP = 8;
    private static final int PACK_B_GROUP = 4;
    private static final int PACK_B_ROWS = 32;

    static void run(MicroKernel kern, Blocking bl, boolean parallel,
                    boolean transA, boolean transB, int m, int n, int k, float alpha,
                    float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                    float beta, float[] c, int cOff, int ldc) {
        final int mr = bl.mr(), nr = bl.nr();
        final int kcMax = Math.min(bl.kc(), k);
        final int mChunk = Math.min(bl.mChunk(), roundUp(m, mr));
        final Workspace ws = Workspace.get();
        final float[] pa = ws.a(mChunk * kcMax);

        for (int jc0 = 0; jc0 < n; jc0 += bl.nc()) {
            final int jc = jc0, nc = Math.min(bl.nc(), n - jc), slivers = ceilDiv(nc, nr);
            for (int pc0 = 0; pc0 < k; pc0 += bl.kc()) {
                final int pc = pc0, kc = Math.min(bl.kc(), k - pc);
                final float betaEff = pc == 0 ? beta : 1f;
                final TaskGrid first = TaskGrid.of(ceilDiv(Math.min(m, mChunk), mr), slivers, bl.mcPanels(), bl.ncSlivers(), MIN_TASKS);
                // A short, wide product (all rows in one task row): no B sliver is shared between
                // tasks, so each task packs its own slivers right before use, while they are hot.
                final boolean bInTask = m <= mChunk && first.rowBlocks() == 1;
                final float[] pb = bInTask ? null : ws.b(roundUp(Math.min(bl.nc(), n), nr) * kcMax);
                // B not transposed: pack bands of PACK_B_ROWS rows of B, each read as whole rows
                // (nc floats, streams from memory); transposed: groups of slivers, each B row read along k
                final int bGroups = bInTask ? 0 : transB ? ceilDiv(slivers, PACK_B_GROUP) : ceilDiv(kc, PACK_B_ROWS);
                for (int ic0 = 0; ic0 < m; ic0 += mChunk) {
                    final int ic = ic0, rows = Math.min(mChunk, m - ic), panels = ceilDiv(rows, mr);
                    // one parallel pass packs this chunk of A and, with the first chunk, the B block
                    // (one barrier fewer: it matters for small products on several threads)
                    final int bTasks = ic == 0 ? bGroups : 0;
                    forEach(parallel, bTasks + ceilDiv(panels, PACK_A_GROUP), g -> {
                        if (g < bTasks) {
                            if (transB) {
                                int s = g * PACK_B_GROUP, cols = Math.min(PACK_B_GROUP * nr, nc - s * nr);
                                Packing.packB(true, b, bOff, ldb, pc, kc, jc + s * nr, cols, nr, nr * kc, pb, s * nr * kc);
                            } else {
                                int r0 = g * PACK_B_ROWS;
                                Packing.packB(false, b, bOff, ldb, pc + r0, Math.min(PACK_B_ROWS, kc - r0), jc, nc, nr, nr * kc, pb, r0 * nr);
                            }
                            return;
                        }
                        for (int q = (g - bTasks) * PACK_A_GROUP, end = Math.min(panels, q + PACK_A_GROUP); q < end; q++) {
                            Packing.packA(transA, a, aOff, lda, ic + q * mr, Math.min(mr, rows - q * mr), pc, kc, mr, pa, q * mr * kc);
                        }
                    });
                    final TaskGrid grid = TaskGrid.of(panels, slivers, bl.mcPanels(), bl.ncSlivers(), MIN_TASKS);
                    final int cBase = cOff + ic * ldc + jc;
                    forEach(parallel, grid.count(), t -> {
                        float[] bt = pb;
                        int bBase = 0;
                        if (bInTask) { // this task's slivers, packed into the worker's own buffer
                            int s0 = grid.colStart(t), s1 = grid.colEnd(t);
                            bt = Workspace.get().b((s1 - s0) * nr * kc);
                            bBase = -s0 * nr * kc;
                            Packing.packB(transB, b, bOff, ldb, pc, kc, jc + s0 * nr, Math.min((s1 - s0) * nr, nc - s0 * nr), nr, nr * kc, bt, 0);
                        }
                        macro(kern, grid, t, rows, nc, kc, pa, bt, bBase, c, cBase, ldc, alpha, betaEff);
                    });
                }
            }
        }
    }

    /** One compute task: its slivers (outer, the B sliver stays hot) × its panels (inner). */
    private static void macro(MicroKernel kern, TaskGrid grid, int task, int rows, int nc, int kc,
                              float[] pa, float[] pb, int pbBase, float[] c, int cBase, int ldc, float alpha, float beta) {
        final int mr = kern.mr(), nr = kern.nr();
        final int q0 = grid.rowStart(task), q1 = grid.rowEnd(task);
        final int s0 = grid.colStart(task), s1 = grid.colEnd(task);
        float[] tile = null;
        for (int s = s0; s < s1; s++) {
            final int j = s * nr, cols = Math.min(nr, nc - j), ib = pbBase + s * nr * kc;
            for (int q = q0; q < q1; q++) {
                final int i = q * mr, rowsT = Math.min(mr, rows - i), ia = q * mr * kc;
                final int co = cBase + i * ldc + j;
                if (rowsT == mr && cols == nr) {
                    kern.compute(kc, pa, ia, pb, ib, c, co, ldc, alpha, beta);
                } else {
                    if (tile == null) tile = Workspace.get().tile(mr * nr);
                    kern.compute(kc, pa, ia, pb, ib, tile, 0, nr, 1f, 0f);
                    Edges.writeBack(tile, nr, rowsT, cols, c, co, ldc, alpha, beta);
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
