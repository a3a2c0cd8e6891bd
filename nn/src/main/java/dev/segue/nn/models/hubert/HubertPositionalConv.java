package dev.segue.nn.models.hubert;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.ops.Convolution;
import dev.segue.nn.Container;
import dev.segue.nn.Init;
import dev.segue.nn.Module;
import dev.segue.nn.layers.WeightNorm;

/**
 * HF HubertPositionalConvEmbedding: a grouped Conv1d (kernel K, padding K/2) whose weight is
 * weight-normalised over dim 2 (conv.weight_g [1, 1, K], conv.weight_v [C, C/groups, K]); for an even
 * kernel the last output frame is dropped so the length is kept; then GELU. h [B, T, C] → [B, T, C].
 */
public final class HubertPositionalConv extends Module {
    private final int kernel, groups;
    private final Container conv;

    public HubertPositionalConv(int channels, int kernel, int groups, Rng rng) {
        this.kernel = kernel;
        this.groups = groups;
        conv = registerModule("conv", new Container());
        Tensor v = Init.normal(Tensor.zeros(channels, channels / groups, kernel), 0, 2 / Math.sqrt(kernel * channels), rng);
        conv.registerParam("weight_g", WeightNorm.initialG(v, 2));
        conv.registerParam("weight_v", v);
        conv.registerParam("bias", Tensor.zeros(channels));
    }

    public Tensor forward(Tensor h) {
        Tensor w = WeightNorm.weight(conv.namedParameters().get("weight_v"), conv.namedParameters().get("weight_g"), 2);
        Tensor x = h.transpose(1, 2); // [B, C, T]
        Tensor y = Convolution.conv1d(x, w, conv.namedParameters().get("bias"), 1, kernel / 2, kernel / 2, 1, groups);
        if (kernel % 2 == 0) y = y.narrow(2, 0, y.size(2) - 1);
        return y.gelu().transpose(1, 2);
    }
}
