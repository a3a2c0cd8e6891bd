package dev.segue.core;

import dev.segue.core.ops.Attention;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The fused attention kernel against the composite matmul → mask → softmax → matmul reference. */
class FusedAttentionTest {

    static double relErr(Tensor a, Tensor ref) {
        double[] x = a.toDoubleArray(), r = ref.toDoubleArray();
        double md = 0, mr = 0;
        for (int i = 0; i < x.length; i++) { md = Math.max(md, Math.abs(x[i] - r[i])); mr = Math.max(mr, Math.abs(r[i])); }
        return md / Math.max(mr, 1e-30);
    }

    @ParameterizedTest
    @CsvSource({
            "1,1,1,1,1,1,false,false", "2,3,5,5,8,8,true,false", "2,2,33,33,17,9,true,true", "1,2,70,130,16,16,false,true",
            "2,1,130,130,3,5,true,true", "1,1,20,20,64,64,true,false", "3,2,1,65,8,8,false,true", "1,1,40,100,8,8,true,false",
            // 16+ heads: the one-task-per-head backward
            "4,4,11,11,16,16,true,false", "8,2,20,20,33,17,true,true", "2,8,70,150,8,8,true,true", "16,1,129,129,4,4,false,false",
            // D from 128 on: Q·Kᵀ and dO·Vᵀ as dot products
            "4,4,20,20,256,256,true,true", "1,2,70,140,129,128,true,false", "2,1,5,9,131,130,false,true"})
    void matchesTheCompositeReference(int b, int h, int tq, int tk, int d, int dv, boolean causal, boolean padding) {
        Rng r = new Rng(b * 1000 + tq * 7 + tk);
        Tensor q = Tensor.randn(r, b, h, tq, d).requiresGrad(true);
        Tensor k = Tensor.randn(r, b, h, tk, d).requiresGrad(true);
        Tensor v = Tensor.randn(r, b, h, tk, dv).requiresGrad(true);
        Tensor kp = null;
        if (padding) {   // pad the last keys of each batch row (never key 0, so no query row is fully masked)
            long[] m = new long[b * tk];
            for (int bi = 0; bi < b; bi++) for (int j = Math.max(1, tk - 1 - bi * 3); j < tk; j++) m[bi * tk + j] = 1;
            kp = Tensor.ofLongs(m, b, tk);
        }
        double scale = 1 / Math.sqrt(d);
        Tensor g = Tensor.randn(r, b, h, tq, dv);
        Tensor fused = Attention.fused(q, k, v, causal, kp, scale);
        fused.backward(g);
        Tensor[] fg = {q.grad(), k.grad(), v.grad()};
        q.zeroGrad(); k.zeroGrad(); v.zeroGrad();
        Tensor ref = Attention.sdpaReference(q, k, v, causal, kp, scale)[0];
        ref.backward(g);
        assertTrue(relErr(fused, ref) < 2e-6, "out " + relErr(fused, ref));
        assertTrue(relErr(fg[0], q.grad()) < 1e-5, "dq " + relErr(fg[0], q.grad()));
        assertTrue(relErr(fg[1], k.grad()) < 1e-5, "dk " + relErr(fg[1], k.grad()));
        assertTrue(relErr(fg[2], v.grad()) < 1e-5, "dv " + relErr(fg[2], v.grad()));
    }

    /** Dropout inside the kernel drops exactly what softmax(…).dropout(p) of the composite path drops, for the same seed. */
    @ParameterizedTest
    @CsvSource({"2,3,5,5,8,8,true,false,0.1", "2,2,33,40,17,9,false,true,0.5", "4,4,20,20,130,130,true,true,0.2",
            "1,2,70,150,16,16,true,false,0.3", "16,1,20,9,8,8,false,false,0.9"})
    void dropoutMatchesTheCompositeDropout(int b, int h, int tq, int tk, int d, int dv, boolean causal, boolean padding, double p) {
        Rng r = new Rng(b * 7 + tq + tk);
        Tensor q = Tensor.randn(r, b, h, tq, d).requiresGrad(true);
        Tensor k = Tensor.randn(r, b, h, tk, d).requiresGrad(true);
        Tensor v = Tensor.randn(r, b, h, tk, dv).requiresGrad(true);
        Tensor kp = null;
        if (padding) {
            long[] m = new long[b * tk];
            for (int bi = 0; bi < b; bi++) for (int j = Math.max(1, tk - 1 - bi); j < tk; j++) m[bi * tk + j] = 1;
            kp = Tensor.ofLongs(m, b, tk);
        }
        double scale = 1 / Math.sqrt(d);
        Tensor g = Tensor.randn(r, b, h, tq, dv);
        Tensor fused = Attention.sdpa(q, k, v, causal, kp, scale, p, true, new Rng(99));
        fused.backward(g);
        Tensor[] fg = {q.grad(), k.grad(), v.grad()};
        q.zeroGrad(); k.zeroGrad(); v.zeroGrad();
        Tensor ref = Attention.sdpaReference(q, k, v, causal, kp, scale, p, new Rng(99));
        ref.backward(g);
        assertTrue(relErr(fused, ref) < 2e-6, "out " + relErr(fused, ref));
        assertTrue(relErr(fg[0], q.grad()) < 1e-5, "dq " + relErr(fg[0], q.grad()));
        assertTrue(relErr(fg[1], k.grad()) < 1e-5, "dk " + relErr(fg[1], k.grad()));
        assertTrue(relErr(fg[2], v.grad()) < 1e-5, "dv " + relErr(fg[2], v.grad()));
        // and it does drop: without dropout the output differs
        assertTrue(relErr(Attention.fused(q, k, v, causal, kp, scale), ref) > 1e-3);
    }

    @Test
    void aFullyMaskedRowGivesZerosNotNaN() {
        Rng r = new Rng(1);
        Tensor q = Tensor.randn(r, 1, 1, 3, 4).requiresGrad(true), k = Tensor.randn(r, 1, 1, 3, 4).requiresGrad(true), v = Tensor.randn(r, 1, 1, 3, 4).requiresGrad(true);
        Tensor kp = Tensor.ofLongs(new long[]{1, 0, 0}, 1, 3);     // causal: query 0 sees only key 0, which is padded
        Tensor out = Attention.fused(q, k, v, true, kp, 0.5);
        float[] o = out.toFloatArray();
        for (int e = 0; e < 4; e++) assertEquals(0f, o[e]);
        out.sum().backward();
        for (float x : q.grad().toFloatArray()) assertTrue(Float.isFinite(x));
        for (int e = 0; e < 4; e++) assertEquals(0f, q.grad().toFloatArray()[e]);
    }
}
