package dev.segue.nn.attention;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.ModuleList;
import dev.segue.nn.layers.Activation;
import dev.segue.nn.layers.Dropout;

import java.util.ArrayList;
import java.util.List;

/**
 * The XLNet encoder as Transformers4Rec uses it (HF XLNetModel on inputs_embeds, attn_type "bi", no
 * memory, no segments): dropout on the inputs and on the positional encodings, the layers, dropout on
 * the output. Parameter names {@code layer.{i}.rel_attn.*}, {@code layer.{i}.ff.*}.
 */
public final class XLNetStack extends Module {
    private final List<XLNetLayer> layers = new ArrayList<>();
    private final Dropout dropout;
    private final int dModel;

    public XLNetStack(int nLayer, int dModel, int nHead, int dHead, int dInner, Activation act, double eps, double dropoutP, Rng rng) {
        this.dModel = dModel;
        ModuleList<XLNetLayer> list = registerModule("layer", new ModuleList<>());
        for (int i = 0; i < nLayer; i++) layers.add(list.add(new XLNetLayer(dModel, nHead, dHead, dInner, act, eps, dropoutP, rng)));
        dropout = registerModule("dropout", new Dropout(dropoutP, rng));
    }

    /**
     * h [B, T, d] → every hidden state: index 0 the (dropped-out) input, i+1 after layer i; the last
     * one (after the output dropout) is the result. keyPadding [B, T] or null (T4Rec passes none).
     */
    public List<Tensor> forwardAll(Tensor h, Tensor keyPadding) {
        int t = h.size(1);
        Tensor pos = dropout.forward(RelativePositions.sinusoid(t, t, dModel, h.dtype()));
        List<Tensor> hs = new ArrayList<>();
        Tensor x = dropout.forward(h);
        hs.add(x);
        for (XLNetLayer l : layers) {
            x = l.forward(x, pos, keyPadding);
            hs.add(x);
        }
        hs.set(hs.size() - 1, dropout.forward(x));
        return hs;
    }

    public Tensor forward(Tensor h, Tensor keyPadding) {
        List<Tensor> hs = forwardAll(h, keyPadding);
        return hs.get(hs.size() - 1);
    }
}
