package dev.segue.nn.layers;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.ops.Convolution;
import dev.segue.nn.Init;
import dev.segue.nn.Module;

/** Conv2d: x [N, C_in, H, W] → [N, C_out, Ho, Wo]; weight [C_out, C_in/groups, kH, kW]; asymmetric padding allowed. */
public final class Conv2d extends Module {
    private final int[] stride, dilation;
    private final Convolution.Padding padding;
    private final int groups;

    public Conv2d(int in, int out, int[] kernel, int[] stride, Convolution.Padding padding, int[] dilation, int groups, boolean bias, Rng rng) {
        this.stride = stride.clone();
        this.padding = padding;
        this.dilation = dilation.clone();
        this.groups = groups;
        double bound = 1 / Math.sqrt((double) in / groups * kernel[0] * kernel[1]);
        registerParameter("weight", Init.uniform(Tensor.zeros(out, in / groups, kernel[0], kernel[1]), -bound, bound, rng));
        if (bias) registerParameter("bias", Init.uniform(Tensor.zeros(out), -bound, bound, rng));
    }

    public Tensor forward(Tensor x) { return Convolution.conv2d(x, param("weight"), param("bias"), stride, padding, dilation, groups); }
}
