package dev.segue.core.cpu.gemm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaskGridTest {

    @Test void tasksTileThePanelsAndSliversExactlyOnce() {
        for (int panels : new int[] {1, 3, 22, 43, 256}) {
            for (int slivers : new int[] {1, 2, 5, 32}) {
                TaskGrid g = TaskGrid.of(panels, slivers, 16, 4, 16);
                int[][] hits = new int[panels][slivers];
                for (int t = 0; t < g.count(); t++) {
                    for (int q = g.rowStart(t); q < g.rowEnd(t); q++) {
                        for (int s = g.colStart(t); s < g.colEnd(t); s++) hits[q][s]++;
                    }
                }
                for (int[] row : hits) for (int h : row) assertEquals(1, h, panels + " × " + slivers);
            }
        }
    }

    @Test void shortWideProductsKeepOneBlockRowAndSplitColumns() {
        TaskGrid g = TaskGrid.of(22, 32, 16, 4, 16); // 128 rows × 2048 columns of 6 × 64 tiles
        assertEquals(1, g.rowBlocks());
        assertEquals(16, g.colBlocks()); // 2 slivers a task: 16 tasks reached
        TaskGrid sq = TaskGrid.of(43, 4, 16, 4, 16); // 256 × 256: rows are split too
        assertTrue(sq.count() >= 16, sq.toString());
    }
}
