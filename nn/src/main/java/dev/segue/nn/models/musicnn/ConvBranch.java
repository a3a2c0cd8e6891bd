package dev.segue.nn.models.musicnn;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.ops.Convolution;
import dev.segue.nn.Module;
import dev.segue.nn.layers.BatchNorm;
import dev.segue.nn.layers.Conv2d;

/**
 * One MusiCNN front-end branch: Conv2d(1, C, (kT, kF)) with the given time padding (valid in frequency)
 * → ReLU → BatchNorm(eps 1e-3) → max over frequency. x [B, 1, T, F] → [B, C, T].
 */
final class ConvBranch extends Module {
    private final Conv2d conv;
    private final BatchNorm bn;

    ConvBranch(int filters, int kTime, int kFreq, int padBefore, int padAfter, double eps, Rng rng) {
        conv = registerModule("conv", new Conv2d(1, filters, new int[]{kTime, kFreq}, new int[]{1, 1},
                new Convolution.Padding(padBefore, padAfter, 0, 0), new int[]{1, 1}, 1, true, rng));
        bn = registerModule("bn", new BatchNorm(filters, eps, 0.01));
    }

    Tensor forward(Tensor x) {
        Tensor y = bn.forward(conv.forward(x).relu()); // [B, C, T, F']
        return y.max(3, false)[0];
    }
}
