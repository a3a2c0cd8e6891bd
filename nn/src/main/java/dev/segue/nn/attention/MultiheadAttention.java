package dev.segue.nn.attention;

import dev.segue.core.Rng;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.core.ops.Attention;
import dev.segue.nn.Init;
import dev.segue.nn.Module;
import dev.segue.nn.layers.Linear;

/**
 * torch.nn.MultiheadAttention with batch_first: packed {@code in_proj_weight} [3E, E] (rows W_q; W_k;
 * W_v), {@code in_proj_bias} [3E], {@code out_proj.*}; head h uses features [h·E/H, (h+1)·E/H);
 * scores scaled by 1/√(E/H). The attention itself is the core's {@link Attention#sdpa}.
 */
public final class MultiheadAttention extends Module {
    private final int embedDim, numHeads;
    private final double dropout;
    private final Rng rng;
    private final Linear outProj;

    public MultiheadAttention(int embedDim, int numHeads, boolean bias, double dropout, Rng rng) {
        if (embedDim % numHeads != 0) throw new IllegalArgumentException("MultiheadAttention: embed dim " + embedDim + " is not divisible by " + numHeads + " heads");
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.dropout = dropout;
        this.rng = rng;
        registerParameter("in_proj_weight", Init.xavierUniform(Tensor.zeros(3 * embedDim, embedDim), 1, rng));
        if (bias) registerParameter("in_proj_bias", Tensor.zeros(3 * embedDim));
        outProj = registerModule("out_proj", new Linear(embedDim, embedDim, bias, rng));
        if (bias) Init.zeros(outProj.bias());
    }

    public int numHeads() { return numHeads; }

    /** Self-attention: x [B, T, E] → [B, T, E]; keyPadding [B, T] (nonzero = masked) or null. */
    public Tensor forward(Tensor x, boolean causal, Tensor keyPadding) { return forward(x, x, x, causal, keyPadding); }

    /** query [B, Tq, E], key/value [B, Tk, E] → [B, Tq, E]. */
    public Tensor forward(Tensor query, Tensor key, Tensor value, boolean causal, Tensor keyPadding) {
        return attend(query, key, value, causal, keyPadding, false)[0];
    }

    /** Also returns the head-averaged attention probabilities [B, Tq, Tk] (need_weights in PyTorch; no dropout on them). */
    public Tensor[] forwardWithWeights(Tensor query, Tensor key, Tensor value, boolean causal, Tensor keyPadding) {
        return attend(query, key, value, causal, keyPadding, true);
    }

    private Tensor[] attend(Tensor query, Tensor key, Tensor value, boolean causal, Tensor keyPadding, boolean weights) {
        if (query.dim() != 3 || query.size(2) != embedDim)
            throw new IllegalArgumentException("MultiheadAttention(" + embedDim + "): query must be [B, T, " + embedDim + "], got " + Shape.str(query.shape()));
        Tensor w = param("in_proj_weight"), b = param("in_proj_bias");
        int e = embedDim;
        Tensor q, k, v;
        if (query == key && key == value) {
            // one GEMM for the three projections, then split the features
            Tensor[] qkv = Linear.apply(query, w, b).chunk(3, -1);
            q = qkv[0]; k = qkv[1]; v = qkv[2];
        } else {
            q = Linear.apply(query, w.narrow(0, 0, e), b == null ? null : b.narrow(0, 0, e));
            k = Linear.apply(key, w.narrow(0, e, e), b == null ? null : b.narrow(0, e, e));
            v = Linear.apply(value, w.narrow(0, 2 * e, e), b == null ? null : b.narrow(0, 2 * e, e));
        }
        Tensor qh = heads(q), kh = heads(k), vh = heads(v); // [B, H, T, D]
        double scale = 1 / Math.sqrt((double) e / numHeads);
        Tensor ctx, avg = null;
        if (weights) {
            Tensor[] r = Attention.sdpaReference(qh, kh, vh, causal, keyPadding, scale);
            ctx = isTraining() && dropout > 0 ? Attention.sdpa(qh, kh, vh, causal, keyPadding, scale, dropout, true, rng) : r[0];
            avg = r[1].mean(1, false);
        } else {
            ctx = Attention.sdpa(qh, kh, vh, causal, keyPadding, scale, dropout, isTraining(), rng);
        }
        int bsz = query.size(0), tq = query.size(1);
        Tensor merged = ctx.transpose(1, 2).reshape(bsz, tq, e); // [B, Tq, E]
        return new Tensor[]{outProj.forward(merged), avg};
    }

    /** [B, T, E] → [B, H, T, E/H]. */
    private Tensor heads(Tensor x) {
        return x.reshape(x.size(0), x.size(1), numHeads, embedDim / numHeads).transpose(1, 2);
    }
}
