package dev.segue.core.cpu.gemm;

/**
 * Cache-blocking sizes of the packed GEMM, in elements. The micro-tile is {@code mr × nr}; a packed
 * A panel holds {@code mr × kc} floats and a packed B sliver {@code kc × nr}.
 *
 * <ul>
 *   <li>{@code kc}: depth of one rank-kc update. A B sliver ({@code kc·nr·4} bytes, 64 KiB for 256 × 64)
 *       streams from L1/L2 while an A panel (6 KiB) stays in L1; large enough that the C-tile
 *       load/store at the end of each micro-kernel call is amortised over {@code kc} FMAs.</li>
 *   <li>{@code mcPanels}: rows of one compute task, in A panels (16 × 6 = 96 rows, a 96 KiB block of
 *       packed A that stays in the 1 MiB L2 while the task walks its B slivers).</li>
 *   <li>{@code ncSlivers}: columns of one compute task, in B slivers.</li>
 *   <li>{@code nc}: columns of B packed at once (kc × nc floats, 4 MiB for 256 × 4096: L3).</li>
 *   <li>{@code mChunk}: rows of A packed at once (bounds the packed-A buffer: 1536 × 256 × 4 = 1.5 MiB).</li>
 * </ul>
 * Sizes depend only on the vector width, never on the thread count, and K is never split between
 * tasks, so the result is bit-identical for any number of threads.
 */
record Blocking(int mr, int nr, int kc, int mcPanels, int ncSlivers, int nc, int mChunk) {

    Blocking {
        if (mr < 1 || nr < 1 || kc < 1 || mcPanels < 1 || ncSlivers < 1 || nc < nr || mChunk < mr
                || nc % nr != 0 || mChunk % mr != 0) {
            throw new IllegalArgumentException("bad blocking " + this);
        }
    }

    /** The blocking for a micro-kernel of {@code mr × nr}, tuned on a 1 MiB-L2, 48 KiB-L1 core. */
    static Blocking forKernel(int mr, int nr) {
        int kc = Integer.getInteger("segue.gemm.kc", 512);
        int nc = Math.max(nr, Integer.getInteger("segue.gemm.nc", 2048) / nr * nr);
        int ncSlivers = Math.max(1, Integer.getInteger("segue.gemm.ncols", 256) / nr);
        int mcPanels = Integer.getInteger("segue.gemm.mcpanels", 16);
        return new Blocking(mr, nr, kc, mcPanels, ncSlivers, nc, mr * Integer.getInteger("segue.gemm.mchunk", 256));
    }
}
