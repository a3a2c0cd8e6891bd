package dev.segue.core.cpu;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gather_dot and sum_of_squares against naive double loops, at tiling edges, and across thread counts. */
class SampledScoresTest {
    private final int savedThreads = Parallel.threads();

    @AfterEach void restoreThreads() { Parallel.setThreads(savedThreads); }

    @Test
    void gatherDotEqualsRowDotsInDouble() {
        Rng rng = new Rng(7);
        for (int d : new int[] {1, 3, 17, 129}) {
            int v = 50, b = 4, n = 6;
            Tensor table = Tensor.randn(rng, v, d), h = Tensor.randn(rng, b, d);
            long[] ids = new long[b * n];
            for (int i = 0; i < ids.length; i++) ids[i] = rng.nextInt(v);
            float[] out = table.gatherDot(Tensor.ofLongs(ids, b, n), h).toFloatArray();
            float[] t = table.toFloatArray(), hv = h.toFloatArray();
            for (int i = 0; i < b; i++)
                for (int j = 0; j < n; j++) {
                    double ref = 0;
                    for (int c = 0; c < d; c++) ref += (double) t[(int) ids[i * n + j] * d + c] * hv[i * d + c];
                    assertEquals(ref, out[i * n + j], 1e-5 * Math.sqrt(d), "d=" + d + " b=" + i + " j=" + j);
                }
        }
    }

    @Test
    void gatherDotNamesBadShapesAndIndices() {
        Tensor table = Tensor.zeros(dev.segue.core.DType.F32, 5, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.gatherDot(Tensor.ofLongs(new long[] {1, 2}, 1, 2), Tensor.zeros(dev.segue.core.DType.F32, 1, 3)));
        assertTrue(e.getMessage().contains("[1, 3]"), e.getMessage());
        IndexOutOfBoundsException o = assertThrows(IndexOutOfBoundsException.class,
                () -> table.gatherDot(Tensor.ofLongs(new long[] {1, 9}, 1, 2), Tensor.zeros(dev.segue.core.DType.F32, 1, 4)));
        assertTrue(o.getMessage().contains("9"), o.getMessage());
    }

    @Test
    void sumOfSquaresMatchesDoubleLoopAtChunkEdges() {
        Rng rng = new Rng(3);
        for (int n : new int[] {1, 3, 17, 129, (1 << 16) - 1, (1 << 16) + 17, 3 * (1 << 16) + 5}) {
            Tensor x = Tensor.randn(rng, n);
            double ref = 0;
            for (float f : x.toFloatArray()) ref += (double) f * f;
            assertEquals(ref, x.sumOfSquares(), 1e-6 * ref, "n=" + n);
        }
        Tensor strided = Tensor.randn(rng, 8, 6).transpose(0, 1);      // not contiguous
        double ref = 0;
        for (float f : strided.contiguous().toFloatArray()) ref += (double) f * f;
        assertEquals(ref, strided.sumOfSquares(), 1e-6 * ref);   // float lanes: ~n·2^-24 relative at worst
    }

    @Test
    void bothAreTheSameBitsForAnyThreadCount() {
        Rng rng = new Rng(11);
        Tensor x = Tensor.randn(rng, 5 * (1 << 16) + 3);
        Tensor table = Tensor.randn(rng, 1000, 64), h = Tensor.randn(rng, 32, 64);
        long[] ids = new long[32 * 100];
        for (int i = 0; i < ids.length; i++) ids[i] = rng.nextInt(1000);
        Parallel.setThreads(1);
        double s1 = x.sumOfSquares();
        float[] g1 = table.gatherDot(Tensor.ofLongs(ids, 32, 100), h).toFloatArray();
        Parallel.setThreads(2);
        assertEquals(Double.doubleToRawLongBits(s1), Double.doubleToRawLongBits(x.sumOfSquares()));
        assertArrayEquals(g1, table.gatherDot(Tensor.ofLongs(ids, 32, 100), h).toFloatArray());
    }
}
