package dev.segue.nn.models.efficientnet;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.ops.Convolution;
import dev.segue.nn.Module;
import dev.segue.nn.layers.BatchNorm;
import dev.segue.nn.layers.Conv2d;

/** torchvision Conv2dNormActivation: "0" Conv2d (no bias, padding (k−1)/2) → "1" BatchNorm → SiLU (optional). */
final class ConvNormActivation extends Module {
    private final Conv2d conv;
    private final BatchNorm bn;
    private final boolean activation;

    ConvNormActivation(int in, int out, int k, int stride, int groups, boolean activation, double eps, Rng rng) {
        this.activation = activation;
        int p = (k - 1) / 2;
        conv = registerModule("0", new Conv2d(in, out, new int[]{k, k}, new int[]{stride, stride}, Convolution.Padding.symmetric(p, p),
                new int[]{1, 1}, groups, false, rng));
        bn = registerModule("1", new BatchNorm(out, eps, 0.1));
    }

    Tensor forward(Tensor x) {
        Tensor y = bn.forward(conv.forward(x));
        return activation ? y.silu() : y;
    }
}
