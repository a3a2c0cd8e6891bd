package dev.segue.core.ops;

import dev.segue.core.DType;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;

/**
 * Scaled dot-product attention. q [B, H, Tq, D], k [B, H, Tk, D], v [B, H, Tk, Dv] → [B, H, Tq, Dv];
 * causal masks key j > query i (aligned at the end when Tk > Tq, as PyTorch's is_causal does for the
 * square case); keyPadding [B, Tk] with nonzero = masked. This is the composite reference
 * (matmul → mask → softmax → matmul); it also returns the attention probabilities.
 */
public final class Attention {
    private Attention() {}

    /** The additive mask [B, 1, Tq, Tk] (0 or -inf), or null when nothing is masked. */
    public static Tensor additiveMask(int b, int tq, int tk, boolean causal, Tensor keyPadding, DType dtype) {
        if (!causal && keyPadding == null) return null;
        float[] m = new float[b * tq * tk];
        long[] kp = keyPadding == null ? null : keyPadding.toLongArray();
        if (keyPadding != null && !Shape.equal(keyPadding.shape(), new int[]{b, tk}))
            throw new IllegalArgumentException("attention: key padding mask of shape " + Shape.str(keyPadding.shape()) + " for batch " + b + " and " + tk + " keys");
        for (int bi = 0; bi < b; bi++)
            for (int i = 0; i < tq; i++)
                for (int j = 0; j < tk; j++) {
                    boolean masked = (causal && j > i + (tk - tq)) || (kp != null && kp[bi * tk + j] != 0);
                    m[(bi * tq + i) * tk + j] = masked ? Float.NEGATIVE_INFINITY : 0f;
                }
        return Tensor.of(m, b, 1, tq, tk).to(dtype);
    }

    /** The composite path with dropout on the probabilities: softmax(q·kᵀ·scale + mask).dropout(p) · v. */
    public static Tensor sdpaReference(Tensor q, Tensor k, Tensor v, boolean causal, Tensor keyPadding, double scale,
                                       double dropout, dev.segue.core.Rng rng) {
        Tensor scores = q.matmul(k.mT()).mul(scale);
        Tensor mask = additiveMask(q.size(0), q.size(2), k.size(2), causal, keyPadding, scores.dtype());
        if (mask != null) scores = scores.add(mask);
        return scores.softmax(-1).dropout(dropout, true, rng).matmul(v);
    }

    /** Returns {out, attn}. */
    public static Tensor[] sdpaReference(Tensor q, Tensor k, Tensor v, boolean causal, Tensor keyPadding, double scale) {
        int[] qs = q.shape(), ks = k.shape();
        if (qs.length != 4 || ks.length != 4 || v.dim() != 4)
            throw new IllegalArgumentException("attention: q, k, v must be [B, H, T, D], got " + Shape.str(qs) + ", " + Shape.str(ks) + ", " + Shape.str(v.shape()));
        Tensor scores = q.matmul(k.mT()).mul(scale);
        Tensor mask = additiveMask(qs[0], qs[2], ks[2], causal, keyPadding, scores.dtype());
        if (mask != null) scores = scores.add(mask);
        Tensor attn = scores.softmax(-1);
        return new Tensor[]{attn.matmul(v), attn};
    }

    /**
     * The attention used by layers: out = softmax(q·kᵀ·scale + mask) · v with dropout on the
     * probabilities (training only). q [B, H, Tq, D], k [B, H, Tk, D], v [B, H, Tk, Dv].
     */
    public static Tensor sdpa(Tensor q, Tensor k, Tensor v, boolean causal, Tensor keyPadding, double scale,
                              double dropout, boolean training, dev.segue.core.Rng rng) {
        boolean drop = dropout > 0 && training;
        // float32 takes the fused kernel: faster than the composite path from T = 11 to 1024 (bench/RESULTS.md,
        // attention), no [Tq, Tk] matrix kept, and a query row whose keys are all masked gives 0 (the
        // composite path gives NaN there). With dropout it draws one seed from rng, as Tensor.dropout does,
        // and drops the same probabilities the composite path below would.
        boolean f32 = q.dtype() == DType.F32 && k.dtype() == DType.F32 && v.dtype() == DType.F32;
        if (f32) return fused(q, k, v, causal, keyPadding, scale, drop ? dropout : 0, drop ? rng.nextLong() : 0);
        if (drop) return sdpaReference(q, k, v, causal, keyPadding, scale, dropout, rng);
        return sdpaReference(q, k, v, causal, keyPadding, scale)[0];
    }

    /**
     * The fused kernel (float32): never materialises the [Tq, Tk] scores. Rows whose keys are all
     * masked give 0 instead of NaN.
     */
    public static Tensor fused(Tensor q, Tensor k, Tensor v, boolean causal, Tensor keyPadding, double scale) {
        return fused(q, k, v, causal, keyPadding, scale, 0, 0);
    }

    /**
     * The fused kernel with dropout p on the probabilities, its mask the counter-based one of
     * {@link dev.segue.core.Backend#dropoutMask} for {@code seed} over [B, H, Tq, Tk] (never stored).
     */
    public static Tensor fused(Tensor q, Tensor k, Tensor v, boolean causal, Tensor keyPadding, double scale, double dropout, long seed) {
        int[] qs = q.shape(), ks = k.shape(), vs = v.shape();
        if (qs.length != 4 || ks.length != 4 || vs.length != 4 || qs[0] != ks[0] || qs[1] != ks[1] || qs[3] != ks[3]
                || vs[0] != ks[0] || vs[1] != ks[1] || vs[2] != ks[2])
            throw new IllegalArgumentException("attention: q " + Shape.str(qs) + ", k " + Shape.str(ks) + ", v " + Shape.str(vs)
                    + " must be [B, H, Tq, D], [B, H, Tk, D], [B, H, Tk, Dv]");
        if (keyPadding != null && !Shape.equal(keyPadding.shape(), new int[]{qs[0], ks[2]}))
            throw new IllegalArgumentException("attention: key padding mask of shape " + Shape.str(keyPadding.shape()) + " for batch " + qs[0] + " and " + ks[2] + " keys");
        Tensor qc = q.detach().contiguous(), kc = k.detach().contiguous(), vc = v.detach().contiguous();
        Tensor out = Tensor.empty(q.backend(), DType.F32, qs[0], qs[1], qs[2], vs[3]);
        Tensor lse = Tensor.empty(q.backend(), DType.F32, qs[0], qs[1], qs[2]);
        q.backend().attention(qc, kc, vc, causal, keyPadding, scale, dropout, seed, out, lse);
        return dev.segue.core.autograd.Autograd.record("attention", out, g -> {
            Tensor gq = Tensor.empty(g.backend(), DType.F32, qs), gk = Tensor.empty(g.backend(), DType.F32, ks), gv = Tensor.empty(g.backend(), DType.F32, vs);
            g.backend().attentionBackward(qc, kc, vc, out, lse, g.contiguous(), causal, keyPadding, scale, dropout, seed, gq, gk, gv);
            return new Tensor[]{gq, gk, gv};
        }, q, k, v);
    }
}
