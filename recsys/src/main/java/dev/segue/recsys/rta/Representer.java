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
}
