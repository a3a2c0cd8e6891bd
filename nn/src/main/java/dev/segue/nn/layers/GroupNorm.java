package dev.segue.nn.layers;

import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;

/** GroupNorm: statistics per (sample, group) over C/G channels × all positions, biased variance; affine per channel. */
public final class GroupNorm extends Module {
    private final int groups, channels;
    private final double eps;

    public GroupNorm(int groups, int channels, double eps) {
        if (channels % groups != 0) throw new IllegalArgumentException("GroupNorm: " + channels + " channels do not split into " + groups + " groups");
        this.groups = groups;
        this.channels = channels;
        this.eps = eps;
        registerParameter("weight", Tensor.ones(channels));
        registerParameter("bias", Tensor.zeros(channels));
    }

    public Tensor forward(Tensor x) {
        if (x.dim() < 2 || x.size(1) != channels)
            throw new IllegalArgumentException("GroupNorm(" + groups + ", " + channels + "): input must be [N, " + channels + ", …], got " + Shape.str(x.shape()));
        return apply(x, groups, param("weight"), param("bias"), eps);
    }

    /** x [N, C, …]: layer norm of each [C/G·…] group slice (the stable core kernel), then the per-channel affine. */
    public static Tensor apply(Tensor x, int groups, Tensor w, Tensor b, double eps) {
        int[] s = x.shape();
        int n = s[0];
        Tensor y = x.reshape(n, groups, x.numel() / (n * groups)).layerNorm(1, null, null, eps).reshape(s);
        if (w != null) y = y.mul(BatchNorm.perChannel(w, s.length));
        return b == null ? y : y.add(BatchNorm.perChannel(b, s.length));
    }
}
