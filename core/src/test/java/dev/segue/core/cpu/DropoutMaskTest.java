package dev.segue.core.cpu;

import dev.segue.core.Backend;
import dev.segue.core.DType;
import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The counter-based dropout mask: its definition, its statistics, and the same bits for any thread count. */
class DropoutMaskTest {
    private final int savedThreads = Parallel.threads();

    @AfterEach void restoreThreads() { Parallel.setThreads(savedThreads); }

    private static float[] mask(int n, double p, long seed) {
        Tensor m = Tensor.empty(Backend.cpu(), DType.F32, n);
        Backend.cpu().dropoutMask(m, p, seed);
        return m.toFloatArray();
    }

    @Test
    void maskIsTheDocumentedFunctionOfSeedAndPosition() {
        int n = 100_003;
        double p = 0.3;
        float[] m = mask(n, p, 42);
        float scale = (float) (1 / (1 - p));
        for (int i = 0; i < n; i++) {
            // the SplitMix64 finaliser written out again, independently of the kernel
            long z = 42 + (i + 1L) * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            double u = (z >>> 11) / 9007199254740992.0;
            assertEquals(u < p ? 0f : scale, m[i], "i=" + i);
        }
    }

    @Test
    void dropRateAndScaleAreRightAndSeedsDiffer() {
        int n = 1_000_000;
        for (double p : new double[] {0.1, 0.3, 0.5}) {
            float[] m = mask(n, p, 7);
            int zeros = 0;
            for (float v : m) if (v == 0f) zeros++; else assertEquals((float) (1 / (1 - p)), v);
            double sd = Math.sqrt(n * p * (1 - p));
            assertTrue(Math.abs(zeros - n * p) < 5 * sd, "p=" + p + ": " + zeros + " zeros of " + n);
            // neighbouring positions are independent: P(both dropped) ≈ p²
            int pairs = 0;
            for (int i = 0; i + 1 < n; i += 2) if (m[i] == 0f && m[i + 1] == 0f) pairs++;
            double ep = n / 2.0 * p * p;
            assertTrue(Math.abs(pairs - ep) < 5 * Math.sqrt(ep), "p=" + p + ": " + pairs + " adjacent pairs vs " + ep);
        }
        float[] a = mask(1000, 0.5, 1), b = mask(1000, 0.5, 2);
        int same = 0;
        for (int i = 0; i < 1000; i++) if (a[i] == b[i]) same++;
        assertTrue(same < 600, "masks of seeds 1 and 2 agree at " + same + " of 1000 positions");
    }

    @Test
    void sameBitsForAnyThreadCountAndTheOpAdvancesTheGeneratorOnce() {
        Parallel.setThreads(1);
        float[] one = mask(300_001, 0.1, 99);
        Parallel.setThreads(2);
        assertArrayEquals(one, mask(300_001, 0.1, 99));
        Rng r1 = new Rng(5), r2 = new Rng(5);
        Tensor x = Tensor.ones(1000);
        x.dropout(0.2, true, r1);
        r2.nextLong();
        assertEquals(r2.nextLong(), r1.nextLong());
    }
}
