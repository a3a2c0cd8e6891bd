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
        float scale = (float) (1 / (1 - p));
        long seed = 0x123456789ABCDEF0L;
        float[] m = mask(n, p, seed);
        for (int i = 0; i < n; i++) {
            // the documented hash, written out again with unsigned arithmetic in long
            long x = lowbias32((i + (seed & 0xFFFFFFFFL)) & 0xFFFFFFFFL) ^ (seed >>> 32);
            double u = (lowbias32(x & 0xFFFFFFFFL) >>> 8) / 16777216.0;
            assertEquals(u < p ? 0f : scale, m[i], "i=" + i);
        }
    }

    /** lowbias32 on an unsigned 32-bit value held in a long. */
    private static long lowbias32(long x) {
        x ^= x >>> 16; x = (x * 0x7feb352dL) & 0xFFFFFFFFL;
        x ^= x >>> 15; x = (x * 0x846ca68bL) & 0xFFFFFFFFL;
        return x ^ (x >>> 16);
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

    /** The float32 op applies the mask on the fly: out = x·mask and dx = g·mask, bit for bit, with the seed the op drew. */
    @Test
    void fusedFloat32DropoutEqualsMaskTimesInputForwardAndBackward() {
        int n = 70_001;
        Rng data = new Rng(3);
        Tensor x = Tensor.randn(data, n).requiresGrad(true), g = Tensor.randn(data, n);
        Rng r = new Rng(9);
        long seed = new Rng(9).nextLong();                 // the one draw the op makes
        Tensor y = x.dropout(0.25, true, r);
        y.backward(g);
        float[] m = mask(n, 0.25, seed), xv = x.toFloatArray(), gv = g.toFloatArray(), yv = y.toFloatArray(), dx = x.grad().toFloatArray();
        for (int i = 0; i < n; i++) {
            assertEquals(xv[i] * m[i], yv[i], "forward at " + i);
            assertEquals(gv[i] * m[i], dx[i], "backward at " + i);
        }
    }
}
