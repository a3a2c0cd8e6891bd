package dev.segue.nn.models.hubert;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.ops.Attention;
import dev.segue.nn.Module;
import dev.segue.nn.layers.Linear;

/** HF HubertAttention (bidirectional): q_proj, k_proj, v_proj, out_proj, q scaled by head_dim^−½. h [B, T, E] → [B, T, E]. */
public final class HubertAttention extends Module {
    private final Linear q, k, v, out;
    private final int heads;
    private final double dropout;
    private final Rng rng;

    public HubertAttention(int embed, int heads, double dropout, Rng rng) {
        this.heads = heads;
        this.dropout = dropout;
        this.rng = rng;
        k = registerModule("k_proj", new Linear(embed, embed, true, rng));
        v = registerModule("v_proj", new Linear(embed, embed, true, rng));
        q = registerModule("q_proj", new Linear(embed, embed, true, rng));
        out = registerModule("out_proj", new Linear(embed, embed, true, rng));
    }

    /** keyPadding [B, T] (nonzero = padded frame) or null. */
    public Tensor forward(Tensor h, Tensor keyPadding) {
        int b = h.size(0), t = h.size(1), e = h.size(2), d = e / heads;
        Tensor ctx = Attention.sdpa(split(q.forward(h), d), split(k.forward(h), d), split(v.forward(h), d), false, keyPadding,
                1 / Math.sqrt(d), dropout, isTraining(), rng);
        return out.forward(ctx.transpose(1, 2).reshape(b, t, e));
    }

    private Tensor split(Tensor x, int d) { return x.reshape(x.size(0), x.size(1), heads, d).transpose(1, 2); }
}
