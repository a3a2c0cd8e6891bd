package dev.segue.nn.layers;

import dev.segue.core.Tensor;
import dev.segue.nn.Module;

/** Layer norm over the last dim (biased variance), weight 1 and bias 0 at init; any eps (XLNet uses 0.03). */
public final class LayerNorm extends Module {
    private final double eps;

    public LayerNorm(int dim, double eps) {
        this.eps = eps;
        registerParameter("weight", Tensor.ones(dim));
        registerParameter("bias", Tensor.zeros(dim));
    }

    public double eps() { return eps; }

    /** x [..., dim]. */
    public Tensor forward(Tensor x) { return x.layerNorm(1, param("weight"), param("bias"), eps); }
}
