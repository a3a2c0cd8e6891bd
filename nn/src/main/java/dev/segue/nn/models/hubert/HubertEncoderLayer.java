package dev.segue.nn.models.hubert;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Container;
import dev.segue.nn.Module;
import dev.segue.nn.layers.Dropout;
import dev.segue.nn.layers.LayerNorm;
import dev.segue.nn.layers.Linear;

/**
 * HF HubertEncoderLayer (post-LN): h = layer_norm(h + dropout(attention(h)));
 * h = final_layer_norm(h + feed_forward(h)), feed_forward = output_dense(dropout(gelu(intermediate_dense(h)))) then dropout.
 */
public final class HubertEncoderLayer extends Module {
    private final HubertAttention attention;
    private final LayerNorm layerNorm, finalLayerNorm;
    private final Linear intermediate, output;
    private final Dropout dropout;

    public HubertEncoderLayer(HubertConfig c, Rng rng) {
        attention = registerModule("attention", new HubertAttention(c.hiddenSize(), c.numHeads(), c.dropout(), rng));
        dropout = registerModule("dropout", new Dropout(c.dropout(), rng));
        layerNorm = registerModule("layer_norm", new LayerNorm(c.hiddenSize(), c.layerNormEps()));
        Container ff = registerModule("feed_forward", new Container());
        intermediate = ff.put("intermediate_dense", new Linear(c.hiddenSize(), c.intermediateSize(), true, rng));
        output = ff.put("output_dense", new Linear(c.intermediateSize(), c.hiddenSize(), true, rng));
        finalLayerNorm = registerModule("final_layer_norm", new LayerNorm(c.hiddenSize(), c.layerNormEps()));
    }

    public Tensor forward(Tensor h, Tensor keyPadding) {
        h = layerNorm.forward(h.add(dropout.forward(attention.forward(h, keyPadding))));
        Tensor f = dropout.forward(output.forward(dropout.forward(intermediate.forward(h).gelu())));
        return finalLayerNorm.forward(h.add(f));
    }
}
