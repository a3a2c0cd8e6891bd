package dev.segue.core.cpu.gemm;

/**
 * Splits {@code panels} A panels × {@code slivers} B slivers into rowBlocks × colBlocks compute tasks
 * (task t = row block t / colBlocks, column block t % colBlocks). Blocks start at the preferred size
 * and are halved (rows first, down to 4 panels, then columns; columns first when all rows fit in
 * two preferred blocks) until there are at least {@code minTasks}; rows are split evenly so the last block is not a sliver of work.
 * A function of the shape only, never of the thread count.
 */
record TaskGrid(int panels, int slivers, int rowBlocks, int colBlocks) {

    static TaskGrid of(int panels, int slivers, int rowPanels, int colSlivers, int minTasks) {
        int rp = Math.max(1, rowPanels), cs = Math.max(1, colSlivers);
        // few rows (a short, wide product): one block row, so that each B sliver serves one task
        // and can be packed by it; split the columns instead
        boolean fewRows = panels <= 2 * rp;
        if (fewRows) rp = Math.max(1, panels);
        while ((long) BlockedGemm.ceilDiv(panels, rp) * BlockedGemm.ceilDiv(slivers, cs) < minTasks) {
            if (!fewRows && rp > 4) rp = (rp + 1) / 2;
            else if (cs > 1) cs = (cs + 1) / 2;
            else if (rp > 4) rp = (rp + 1) / 2;
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
