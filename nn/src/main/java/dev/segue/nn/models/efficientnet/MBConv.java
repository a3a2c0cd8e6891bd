package dev.segue.nn.models.efficientnet;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.ModuleList;

/**
 * torchvision MBConv (inverted residual): [expand 1×1 + BN + SiLU if ratio ≠ 1] → depthwise k×k + BN +
 * SiLU → squeeze-excitation (squeeze = max(1, in/4)) → project 1×1 + BN; residual when stride 1 and
 * in == out (stochastic depth is the identity in eval, and is not applied in training here).
 */
final class MBConv extends Module {
    private final ModuleList<Module> block;
    private final boolean residual;

    MBConv(int expandRatio, int k, int stride, int in, int out, double eps, Rng rng) {
        block = registerModule("block", new ModuleList<>());
        int mid = in * expandRatio;
        if (expandRatio != 1) block.add(new ConvNormActivation(in, mid, 1, 1, 1, true, eps, rng));
        block.add(new ConvNormActivation(mid, mid, k, stride, mid, true, eps, rng));
        block.add(new SqueezeExcitation(mid, Math.max(1, in / 4), rng));
        block.add(new ConvNormActivation(mid, out, 1, 1, 1, false, eps, rng));
        residual = stride == 1 && in == out;
    }

    Tensor forward(Tensor x) {
        Tensor y = x;
        for (Module m : block.items())
            y = m instanceof SqueezeExcitation se ? se.forward(y) : ((ConvNormActivation) m).forward(y);
        return residual ? y.add(x) : y;
    }
}
