package dev.segue.nn.layers;

import dev.segue.core.Tensor;

/** Global pooling over one axis (MusiCNN: max over frequency, mean/max over time). */
public final class Pool {
    private Pool() {}

    public static Tensor globalMax(Tensor x, int dim, boolean keepdim) { return x.max(dim, keepdim)[0]; }

    public static Tensor globalMean(Tensor x, int dim, boolean keepdim) { return x.mean(dim, keepdim); }
}
