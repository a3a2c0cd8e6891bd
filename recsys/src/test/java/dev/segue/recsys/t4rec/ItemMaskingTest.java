package dev.segue.recsys.t4rec;

import dev.segue.core.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The Transformers4Rec masking rules, checked per draw and against hand-computed distributions. */
class ItemMaskingTest {

    @Test void rulesHoldOnEveryDraw() {
        int t = 6;
        int[] ids = {
                5, 6, 7, 8, 9, 10,   // full row
                3, 4, 0, 0, 0, 0,    // length 2
                9, 0, 0, 0, 0, 0,    // length 1
                0, 0, 0, 0, 0, 0};   // empty
        Rng rng = new Rng(11);
        for (int rep = 0; rep < 2000; rep++) {
            boolean[] m = ItemMasking.training(ids, 4, t, 0.4, rng);
            for (int i = 0; i < ids.length; i++) if (ids[i] == 0) assertFalse(m[i], "padding masked at " + i);
            int full = count(m, 0, t), two = count(m, 1, t), one = count(m, 2, t);
            assertTrue(full >= 1 && full <= 5, "full row: " + full + " masked");
            assertEquals(1, two, "a length-2 session always ends with exactly one masked item");
            assertEquals(0, one, "a length-1 session ends with nothing masked (masked, then unmasked)");
        }
    }

    /**
     * Length 3, p = 0.5: one forced item plus Bin(2, p) of the other two, and 3 → 2 by the unmasking rule:
     * P(1 masked) = (1−p)² = 0.25, P(2 masked) = 0.75.
     */
    @Test void countDistributionMatchesHandComputation() {
        int[] ids = {1, 2, 3, 0};
        Rng rng = new Rng(5);
        int n = 40_000, ones = 0, twos = 0;
        int[] perPos = new int[3];
        for (int rep = 0; rep < n; rep++) {
            boolean[] m = ItemMasking.training(ids, 1, 4, 0.5, rng);
            int c = count(m, 0, 4);
            if (c == 1) ones++;
            else if (c == 2) twos++;
            else fail("count " + c);
            for (int j = 0; j < 3; j++) if (m[j]) perPos[j]++;
        }
        // 5 standard errors (σ = √(0.25·0.75/n) ≈ 0.0022)
        assertEquals(0.25, (double) ones / n, 0.011);
        assertEquals(0.75, (double) twos / n, 0.011);
        // symmetric in position: each masked with probability (0.25·1 + 0.75·2)/3 = 7/12
        for (int j = 0; j < 3; j++) assertEquals(7.0 / 12, (double) perPos[j] / n, 0.013, "position " + j);
    }

    /** Long sessions: P(masked) per item = p + (1−p)/L (the unmask-all case has probability ≈ p^L, negligible). */
    @Test void longSessionRate() {
        int t = 20;
        int[] ids = new int[t];
        for (int j = 0; j < t; j++) ids[j] = j + 1;
        Rng rng = new Rng(9);
        long masked = 0;
        int n = 20_000;
        for (int rep = 0; rep < n; rep++) masked += count(ItemMasking.training(ids, 1, t, 0.15, rng), 0, t);
        assertEquals(20 * (0.15 + 0.85 / 20), (double) masked / n, 0.04);
    }

    @Test void evaluationMasksTheLastItemOnly() {
        int[] ids = {4, 5, 6, 0, 7, 0, 0, 0, 0, 0, 0, 0};
        boolean[] m = ItemMasking.lastItem(ids, 3, 4);
        assertArrayEquals(new boolean[]{false, false, true, false, true, false, false, false, false, false, false, false}, m);
    }

    @Test void windowsKeepTheMostRecentItems() {
        int[] out = new int[8];
        SessionWindows.fill(new int[]{1, 2, 3, 4, 5, 6}, 4, out, 0);
        SessionWindows.fill(new int[]{7, 8}, 4, out, 1);
        assertArrayEquals(new int[]{3, 4, 5, 6, 7, 8, 0, 0}, out);
        int[] ids = new int[4];
        boolean[] mask = new boolean[4];
        assertEquals(3, SessionWindows.appendMask(new int[]{1, 2, 3, 4, 5}, 4, ids, mask, 0));
        assertArrayEquals(new int[]{3, 4, 5, 0}, ids);
        assertArrayEquals(new boolean[]{false, false, false, true}, mask);
    }

    private static int count(boolean[] m, int row, int t) {
        int c = 0;
        for (int j = 0; j < t; j++) if (m[row * t + j]) c++;
        return c;
    }
}
