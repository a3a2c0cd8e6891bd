package dev.segue.nn.attention;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.layers.Activation;

/** One HF XLNetLayer, content stream: rel_attn then ff. */
public final class XLNetLayer extends Module {
    private final XLNetRelativeAttention relAttn;
    private final XLNetFeedForward ff;

    public XLNetLayer(int dModel, int nHead, int dHead, int dInner, Activation act, double eps, double dropout, Rng rng) {
        relAttn = registerModule("rel_attn", new XLNetRelativeAttention(dModel, nHead, dHead, eps, dropout, rng));
        ff = registerModule("ff", new XLNetFeedForward(dModel, dInner, act, eps, dropout, rng));
    }

    public Tensor forward(Tensor h, Tensor posEmb, Tensor keyPadding) {
        return ff.forward(relAttn.forward(h, posEmb, keyPadding));
    }
}
