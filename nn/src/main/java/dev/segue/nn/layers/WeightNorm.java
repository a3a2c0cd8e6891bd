package dev.segue.nn.layers;

import dev.segue.core.Tensor;

/**
 * Weight normalisation w = g · v / ‖v‖ (torch.nn.utils.weight_norm): the norm is taken over every dim
 * except {@code dim}, so g has v's shape with 1 everywhere but {@code dim} (HuBERT: dim 2, g [1, 1, K]).
 */
public final class WeightNorm {
    private WeightNorm() {}

    public static Tensor weight(Tensor v, Tensor g, int dim) {
        int r = v.dim();
        int d = dim < 0 ? dim + r : dim;
        int[] dims = new int[r - 1];
        for (int i = 0, j = 0; i < r; i++) if (i != d) dims[j++] = i;
        Tensor norm = v.square().sum(dims, true).sqrt();
        return v.mul(g.div(norm));
    }

    /** The g that makes weight(v, g, dim) == v (the initial decomposition). */
    public static Tensor initialG(Tensor v, int dim) {
        int r = v.dim();
        int d = dim < 0 ? dim + r : dim;
        int[] dims = new int[r - 1];
        for (int i = 0, j = 0; i < r; i++) if (i != d) dims[j++] = i;
        return v.detach().square().sum(dims, true).sqrt();
    }
}
