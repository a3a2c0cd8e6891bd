package dev.segue.nn.models.musicnn;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.layers.BatchNorm;
import dev.segue.nn.layers.Conv1d;

/** MusiCNN mid-end layer: BN(ReLU(Conv1d(k 7, pad 3))). x [B, C_in, T] → [B, C, T]. */
final class MidEndBlock extends Module {
    private final Conv1d conv;
    private final BatchNorm bn;

    MidEndBlock(int in, int out, double eps, Rng rng) {
        conv = registerModule("conv", new Conv1d(in, out, 7, 1, 3, 3, 1, 1, true, rng));
        bn = registerModule("bn", new BatchNorm(out, eps, 0.01));
    }

    Tensor forward(Tensor x) { return bn.forward(conv.forward(x).relu()); }
}
