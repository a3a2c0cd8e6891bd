package dev.segue.nn.attention;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.layers.Activation;
import dev.segue.nn.layers.Dropout;
import dev.segue.nn.layers.LayerNorm;
import dev.segue.nn.layers.Linear;

/** HF XLNetFeedForward: LayerNorm(dropout(layer_2(dropout(act(layer_1(h))))) + h). */
public final class XLNetFeedForward extends Module {
    private final Linear layer1, layer2;
    private final LayerNorm layerNorm;
    private final Dropout dropout;
    private final Activation activation;

    public XLNetFeedForward(int dModel, int dInner, Activation activation, double eps, double dropoutP, Rng rng) {
        this.activation = activation;
        layerNorm = registerModule("layer_norm", new LayerNorm(dModel, eps));
        layer1 = registerModule("layer_1", new Linear(dModel, dInner, true, rng));
        layer2 = registerModule("layer_2", new Linear(dInner, dModel, true, rng));
        dropout = registerModule("dropout", new Dropout(dropoutP, rng));
    }

    /** h [B, T, d] → [B, T, d]. */
    public Tensor forward(Tensor h) {
        Tensor y = dropout.forward(activation.apply(layer1.forward(h)));
        y = dropout.forward(layer2.forward(y));
        return layerNorm.forward(y.add(h));
    }
}
