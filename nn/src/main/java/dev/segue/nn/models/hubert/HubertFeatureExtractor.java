package dev.segue.nn.models.hubert;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Container;
import dev.segue.nn.Module;
import dev.segue.nn.ModuleList;
import dev.segue.nn.layers.Conv1d;
import dev.segue.nn.layers.GroupNorm;

/**
 * HF HubertFeatureEncoder ("group" norm): conv_layers.{i}.conv, GroupNorm(C, C) after the first conv
 * only (conv_layers.0.layer_norm), GELU after every conv. Waveform [B, L] → features [B, C, T].
 */
public final class HubertFeatureExtractor extends Module {
    private final Conv1d[] convs;
    private final GroupNorm norm0;

    public HubertFeatureExtractor(HubertConfig c, Rng rng) {
        ModuleList<Container> layers = registerModule("conv_layers", new ModuleList<>());
        convs = new Conv1d[c.convDim().length];
        GroupNorm n0 = null;
        for (int i = 0; i < convs.length; i++) {
            Container b = layers.add(new Container());
            int in = i == 0 ? 1 : c.convDim()[i - 1];
            convs[i] = b.put("conv", new Conv1d(in, c.convDim()[i], c.convKernel()[i], c.convStride()[i], 0, 0, 1, 1, c.convBias(), rng));
            if (i == 0) n0 = b.put("layer_norm", new GroupNorm(c.convDim()[0], c.convDim()[0], 1e-5));
        }
        norm0 = n0;
    }

    public Tensor forward(Tensor wave) {
        Tensor x = wave.unsqueeze(1); // [B, 1, L]
        for (int i = 0; i < convs.length; i++) {
            x = convs[i].forward(x);
            if (i == 0) x = norm0.forward(x);
            x = x.gelu();
        }
        return x; // [B, C, T]
    }
}
