package dev.segue.nn.models.hubert;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Container;
import dev.segue.nn.Module;
import dev.segue.nn.ModuleList;
import dev.segue.nn.layers.Dropout;
import dev.segue.nn.layers.LayerNorm;
import dev.segue.nn.layers.Linear;

import java.util.ArrayList;
import java.util.List;

/**
 * HF HubertModel (post-LN base architecture, as HuBERT base and MERT-95M use), parameter names as in
 * its state dict: feature_extractor.*, feature_projection.{layer_norm, projection}, encoder.{pos_conv_embed,
 * layer_norm, layers.{i}}. Waveform [B, L] → hidden states [B, T, hidden].
 */
public final class HubertModel extends Module {
    /** extractFeatures [B, T, C] (conv output), hiddenStates: index 0 after the encoder's layer norm, i+1 after layer i. */
    public record Output(Tensor extractFeatures, List<Tensor> hiddenStates) {
        public Tensor last() { return hiddenStates.get(hiddenStates.size() - 1); }
    }

    private final HubertFeatureExtractor extractor;
    private final LayerNorm projNorm, encNorm;
    private final Linear projection;
    private final HubertPositionalConv posConv;
    private final ModuleList<HubertEncoderLayer> layers;
    private final Dropout dropout;

    public HubertModel(HubertConfig c, Rng rng) {
        extractor = registerModule("feature_extractor", new HubertFeatureExtractor(c, rng));
        Container fp = registerModule("feature_projection", new Container());
        int last = c.convDim()[c.convDim().length - 1];
        projNorm = fp.put("layer_norm", new LayerNorm(last, c.layerNormEps()));
        projection = fp.put("projection", new Linear(last, c.hiddenSize(), true, rng));
        Container enc = registerModule("encoder", new Container());
        posConv = enc.put("pos_conv_embed", new HubertPositionalConv(c.hiddenSize(), c.numConvPosEmbeddings(), c.numConvPosEmbeddingGroups(), rng));
        encNorm = enc.put("layer_norm", new LayerNorm(c.hiddenSize(), c.layerNormEps()));
        layers = enc.put("layers", new ModuleList<>());
        for (int i = 0; i < c.numLayers(); i++) layers.add(new HubertEncoderLayer(c, rng));
        dropout = registerModule("dropout", new Dropout(c.dropout(), rng));
    }

    /** wave [B, L]; frame-level keyPadding [B, T] or null. */
    public Output forward(Tensor wave, Tensor keyPadding) {
        Tensor feats = extractor.forward(wave).transpose(1, 2);                 // [B, T, C]
        Tensor h = dropout.forward(projection.forward(projNorm.forward(feats))); // [B, T, hidden]
        h = encNorm.forward(h.add(posConv.forward(h)));
        h = dropout.forward(h);
        List<Tensor> hs = new ArrayList<>();
        hs.add(h);
        for (HubertEncoderLayer l : layers.items()) {
            h = l.forward(h, keyPadding);
            hs.add(h);
        }
        return new Output(feats, hs);
    }
}
