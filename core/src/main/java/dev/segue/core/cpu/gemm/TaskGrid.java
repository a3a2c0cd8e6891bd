package dev.segue.core.cpu.gemm;

/**
 * Splits {@code panels} A panels × {@code slivers} B slivers into rowBlocks × colBlocks compute tasks
 * (task t = row block t / colBlocks, column block t % colBlocks). Blocks start at the preferred size
 * and are halved (rows first, down to 4 panels, then columns) until there are at least
 * {@code minTasks} (a short, wide product keeps all its rows in one block row instead); rows are split evenly so the last block is not a sliver of work.
 * A function of the shape only, never of the thread count.
 */
record TaskGrid(int panels, int slivers, int rowBlocks, int colBlocks) {

    static TaskGrid of(int panels, int slivers, int rowPanels, int colSlivers, int minTasks) {
        int rp = Math.max(1, rowPanels), cs = Math.max(1, colSlivers);
        // few rows, many columns: keep all rows in one task row (each B sliver then serves one task)
        if (panels <= 2 * rp && BlockedGemm.ceilDiv(slivers, cs) >= minTasks) rp = panels;
        while ((long) BlockedGemm.ceilDiv(panels, rp) * BlockedGemm.ceilDiv(slivers, cs) < minTasks) {
            if (rp > 4) rp = (rp + 1) / 2;
            else if (cs > 1) cs = (cs + 1) / 2;
            else break;
        }
        return new TaskGrid(panels, slivers, BlockedGemm.ceilDiv(panels, rp), BlockedGemm.ceilDiv(slivers, cs));
    }

    int count() { return rowBlocks * colBlocks; }

    int rowStart(int t) { return (int) ((long) (t / colBlocks) * panels / rowBlocks); }

    int rowEnd(int t) { return (int) ((long) (t / colBlocks + 1) * panels / rowBlocks); }

    int colStart(int t) { return (int) ((long) (t % colBlocks) * slivers / colBlocks); }

    int colEnd(int t) { return (int) ((long) (t % colBlocks + 1) * slivers / colBlocks); }
}
