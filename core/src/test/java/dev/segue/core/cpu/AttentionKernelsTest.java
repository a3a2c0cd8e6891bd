package dev.segue.core.cpu;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.ops.Attention;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttentionKernelsTest {

    /** dq, dk, dv of the fused kernel for one seeded problem. */
    private static float[][] gradients(int b, int h, int tq, int tk, int d, boolean causal, boolean padding) {
        Rng r = new Rng(tq * 31 + tk);
        Tensor q = Tensor.randn(r, b, h, tq, d).requiresGrad(true);
        Tensor k = Tensor.randn(r, b, h, tk, d).requiresGrad(true);
        Tensor v = Tensor.randn(r, b, h, tk, d).requiresGrad(true);
        Tensor kp = null;
        if (padding) {
            long[] m = new long[b * tk];
            for (int bi = 0; bi < b; bi++) for (int j = Math.max(1, tk - 2 - bi); j < tk; j++) m[bi * tk + j] = 1;
            kp = Tensor.ofLongs(m, b, tk);
        }
        Attention.fused(q, k, v, causal, kp, 1 / Math.sqrt(d)).backward(Tensor.randn(r, b, h, tq, d));
        return new float[][] {q.grad().toFloatArray(), k.grad().toFloatArray(), v.grad().toFloatArray()};
    }

    /** The per-head backward sums every tile in the two-pass scheme's order, so both give the same bits. */
    @Test
    void perHeadBackwardEqualsTheTwoPassBackwardBitForBit() {
        int[][] shapes = {{4, 4, 11, 11, 16}, {2, 8, 70, 150, 8}, {16, 1, 129, 129, 4}, {8, 2, 200, 70, 5}, {4, 4, 20, 20, 130}};
        for (int[] sh : shapes) {
            assertTrue(sh[0] * sh[1] >= AttentionKernels.SINGLE_PASS_MIN_HEADS);
            for (boolean causal : new boolean[] {false, true}) {
                float[][] perHead = gradients(sh[0], sh[1], sh[2], sh[3], sh[4], causal, true);
                float[][] twoPass;
                AttentionKernels.forceTwoPass = true;
                try {
                    twoPass = gradients(sh[0], sh[1], sh[2], sh[3], sh[4], causal, true);
                } finally {
                    AttentionKernels.forceTwoPass = false;
                }
                for (int g = 0; g < 3; g++) assertArrayEquals(twoPass[g], perHead[g], "grad " + g + " shape " + java.util.Arrays.toString(sh) + " causal " + causal);
            }
        }
    }
}
