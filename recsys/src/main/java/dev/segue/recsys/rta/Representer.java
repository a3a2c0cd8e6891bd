package dev.segue.recsys.rta;

import dev.segue.core.Tensor;
import dev.segue.nn.Module;

/**
 * The "represent" half of RTA: maps dense item ids (0 = padding) to vectors of width {@link #dim()}.
 * {@link #all()} gives every item's representation [V, d] (row 0 = padding) for scoring the catalogue.
 */
public abstract class Representer extends Module {

    /** ids (int64, any shape [...]) → [..., d]. */
    public abstract Tensor forward(Tensor ids);

    /** [V, d]: the representation of every dense id. */
    public abstract Tensor all();

    public abstract int dim();

    public abstract int items();

    /**
     * Scores without gradient: out[b, j] = ⟨represent(ids[b, j]), h[b]⟩ for ids [B, N], h [B, d] → [B, N].
     * This general form represents the [B, N] items and takes one batched product; a representer with a
     * plain table overrides it to read the table rows in place.
     */
    public Tensor scores(Tensor ids, Tensor h) {
        try (var g = dev.segue.core.autograd.Grad.off()) {
            return forward(ids).matmul(h.detach().unsqueeze(-1)).squeeze(-1);   // [B, N, d]·[B, d, 1] → [B, N]
        }
    }
}
