package dev.segue.core.cpu.gemm;

/**
 * Cache-blocking sizes of the packed GEMM, in elements. The micro-tile is {@code mr × nr}; a packed
 * A panel holds {@code mr × kc} floats and a packed B sliver {@code kc × nr}.
 *
 * <ul>
 *   <li>{@code kc} = 512: depth of one rank-kc update. A B sliver ({@code kc·nr·4} = 128 KiB for
 *       512 × 64) streams from L2 while an A panel (12 KiB) stays in L1; the C-tile load/store at the
 *       end of each micro-kernel call is amortised over 512 FMAs per accumulator, which matters for
 *       k-heavy shapes where C does not fit in L2 (kc = 256 lost ~5% on 2560×2048·2048×512).</li>
 *   <li>{@code mcPanels} = 16: rows of one compute task, in A panels (96 rows: 192 KiB of packed A
 *       that stays in the 1 MiB L2 while the task walks its B slivers).</li>
 *   <li>{@code ncSlivers} = 4: columns of one compute task, in B slivers (256 columns).</li>
 *   <li>{@code nc} = 2048: columns of B packed at once (kc × nc floats = 4 MiB: L3).</li>
 *   <li>{@code mChunk} = 1536: rows of A packed at once (bounds the packed-A buffer to 3 MiB).</li>
 * </ul>
 * The system properties {@code segue.gemm.kc|nc|ncols|mcpanels|mchunk} override them (for tuning).
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
