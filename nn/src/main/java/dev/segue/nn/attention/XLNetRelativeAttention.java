package dev.segue.nn.attention;

import dev.segue.core.Rng;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.nn.Init;
import dev.segue.nn.Module;
import dev.segue.nn.layers.Dropout;
import dev.segue.nn.layers.LayerNorm;

/**
 * Hugging Face XLNetRelativeAttention, content stream only (attn_type "bi", no memory, no segments):
 * q/k/v/o/r [d, n, dh]; score = ((q+r_w_bias)·kᵀ + relShift((q+r_r_bias)·k_rᵀ)) / √dh; softmax; dropout;
 * attn_vec·oᵀ; dropout; post-LayerNorm with the residual. Public layout [B, T, d] (HF works in [T, B, d]).
 */
public final class XLNetRelativeAttention extends Module {
    private final int dModel, nHead, dHead;
    private final LayerNorm layerNorm;
    private final Dropout dropout;

    public XLNetRelativeAttention(int dModel, int nHead, int dHead, double eps, double dropoutP, Rng rng) {
        this.dModel = dModel;
        this.nHead = nHead;
        this.dHead = dHead;
        // HF's _init_weights: normal(0, initializer_range 0.02) for q, k, v, o, r and both biases
        for (String name : new String[]{"q", "k", "v", "o", "r"})
            registerParameter(name, Init.normal(Tensor.zeros(dModel, nHead, dHead), 0, 0.02, rng));
        registerParameter("r_r_bias", Init.normal(Tensor.zeros(nHead, dHead), 0, 0.02, rng));
        registerParameter("r_w_bias", Init.normal(Tensor.zeros(nHead, dHead), 0, 0.02, rng));
        layerNorm = registerModule("layer_norm", new LayerNorm(dModel, eps));
        dropout = registerModule("dropout", new Dropout(dropoutP, rng));
    }

    /**
     * h [B, T, d]; posEmb [2T, d] (already dropped out); keyPadding [B, T] (nonzero = masked) or null.
     * Returns [B, T, d].
     */
    public Tensor forward(Tensor h, Tensor posEmb, Tensor keyPadding) {
        if (h.dim() != 3 || h.size(2) != dModel)
            throw new IllegalArgumentException("XLNetRelativeAttention(" + dModel + "): h must be [B, T, " + dModel + "], got " + Shape.str(h.shape()));
        int b = h.size(0), t = h.size(1), nd = nHead * dHead;
        Tensor qh = proj(h, "q"), kh = proj(h, "k"), vh = proj(h, "v"); // [B, n, T, dh]
        // k_head_r: [2T, d] @ [d, n·dh] → [n, 2T, dh], shared across the batch
        Tensor kr = posEmb.matmul(param("r").reshape(dModel, nd)).reshape(posEmb.size(0), nHead, dHead).transpose(0, 1);
        Tensor rw = param("r_w_bias").reshape(nHead, 1, dHead), rr = param("r_r_bias").reshape(nHead, 1, dHead);
        Tensor ac = qh.add(rw).matmul(kh.mT());                                   // [B, n, T, T]
        Tensor bd = RelativePositions.relShift(qh.add(rr).matmul(kr.mT()), t);    // [B, n, T, 2T] → [B, n, T, T]
        Tensor score = ac.add(bd).mul(1 / Math.sqrt(dHead));
        if (keyPadding != null) {
            if (keyPadding.dim() != 2 || keyPadding.size(0) != b || keyPadding.size(1) != t)
                throw new IllegalArgumentException("XLNet key padding mask must be [" + b + ", " + t + "], got " + Shape.str(keyPadding.shape()));
            // HF subtracts 1e30 rather than adding -inf: a fully padded row then attends uniformly instead of giving NaN
            score = score.maskedFill(keyPadding.reshape(b, 1, 1, t), -1e30);
        }
        Tensor prob = dropout.forward(score.softmax(-1));
        Tensor vec = prob.matmul(vh).transpose(1, 2).reshape(b, t, nd);          // [B, T, n·dh]
        Tensor out = vec.matmul(param("o").reshape(dModel, nd).mT());             // [B, T, d]
        return layerNorm.forward(dropout.forward(out).add(h));
    }

    /** einsum('ibh,hnd->ibnd') in batch-first layout: [B, T, d] → [B, n, T, dh]. */
    private Tensor proj(Tensor h, String name) {
        return h.matmul(param(name).reshape(dModel, nHead * dHead)).reshape(h.size(0), h.size(1), nHead, dHead).transpose(1, 2);
    }
}
