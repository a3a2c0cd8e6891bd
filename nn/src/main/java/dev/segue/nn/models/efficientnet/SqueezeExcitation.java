package dev.segue.nn.models.efficientnet;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.ops.Convolution;
import dev.segue.nn.Module;
import dev.segue.nn.layers.Conv2d;

/** torchvision SqueezeExcitation: x · σ(fc2(SiLU(fc1(mean_HW(x))))) with 1×1 convs (bias). x [N, C, H, W]. */
final class SqueezeExcitation extends Module {
    private final Conv2d fc1, fc2;

    SqueezeExcitation(int channels, int squeeze, Rng rng) {
        Convolution.Padding none = Convolution.Padding.symmetric(0, 0);
        fc1 = registerModule("fc1", new Conv2d(channels, squeeze, new int[]{1, 1}, new int[]{1, 1}, none, new int[]{1, 1}, 1, true, rng));
        fc2 = registerModule("fc2", new Conv2d(squeeze, channels, new int[]{1, 1}, new int[]{1, 1}, none, new int[]{1, 1}, 1, true, rng));
    }

    Tensor forward(Tensor x) {
        Tensor s = fc2.forward(fc1.forward(x.mean(new int[]{2, 3}, true)).silu()).sigmoid(); // [N, C, 1, 1]
        return x.mul(s);
    }
}
