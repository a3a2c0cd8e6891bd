package dev.segue.nn.layers;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.ops.Convolution;
import dev.segue.nn.Init;
import dev.segue.nn.Module;

/** Conv1d: x [N, C_in, L] → [N, C_out, L_out]; weight [C_out, C_in/groups, K]; padding (left, right). */
public final class Conv1d extends Module {
    private final int stride, padLeft, padRight, dilation, groups;

    public Conv1d(int in, int out, int kernel, int stride, int padLeft, int padRight, int dilation, int groups, boolean bias, Rng rng) {
        this.stride = stride;
        this.padLeft = padLeft;
        this.padRight = padRight;
        this.dilation = dilation;
        this.groups = groups;
        double bound = 1 / Math.sqrt((double) in / groups * kernel);
        registerParameter("weight", Init.uniform(Tensor.zeros(out, in / groups, kernel), -bound, bound, rng));
        if (bias) registerParameter("bias", Init.uniform(Tensor.zeros(out), -bound, bound, rng));
    }

    public Tensor weight() { return param("weight"); }

    public Tensor forward(Tensor x) { return forward(x, weight()); }

    /** With an externally computed weight (weight normalisation). */
    public Tensor forward(Tensor x, Tensor w) {
        return Convolution.conv1d(x, w, param("bias"), stride, padLeft, padRight, dilation, groups);
    }
}
