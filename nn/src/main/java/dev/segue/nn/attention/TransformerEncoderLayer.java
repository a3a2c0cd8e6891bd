package dev.segue.nn.attention;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.layers.Activation;
import dev.segue.nn.layers.Dropout;
import dev.segue.nn.layers.LayerNorm;
import dev.segue.nn.layers.Linear;

/**
 * torch.nn.TransformerEncoderLayer (batch_first), post-norm {@code x = LN1(x + SA(x)); x = LN2(x + FF(x))}
 * or pre-norm {@code x = x + SA(LN1(x)); x = x + FF(LN2(x))}; parameter names self_attn.*, linear1.*,
 * linear2.*, norm1.*, norm2.*.
 */
public final class TransformerEncoderLayer extends Module {
    private final MultiheadAttention selfAttn;
    private final Linear linear1, linear2;
    private final LayerNorm norm1, norm2;
    private final Dropout dropout, dropout1, dropout2;
    private final Activation activation;
    private final boolean normFirst;

    public TransformerEncoderLayer(int dModel, int nHead, int dimFeedforward, double dropoutP, Activation activation,
                                   double eps, boolean normFirst, Rng rng) {
        this.activation = activation;
        this.normFirst = normFirst;
        selfAttn = registerModule("self_attn", new MultiheadAttention(dModel, nHead, true, dropoutP, rng));
        Linear[] ff = FeedForward.make(dModel, dimFeedforward, rng);
        linear1 = registerModule("linear1", ff[0]);
        linear2 = registerModule("linear2", ff[1]);
        norm1 = registerModule("norm1", new LayerNorm(dModel, eps));
        norm2 = registerModule("norm2", new LayerNorm(dModel, eps));
        dropout = registerModule("dropout", new Dropout(dropoutP, rng));
        dropout1 = registerModule("dropout1", new Dropout(dropoutP, rng));
        dropout2 = registerModule("dropout2", new Dropout(dropoutP, rng));
    }

    /** x [B, T, d]; keyPadding [B, T] (nonzero = padded) or null. */
    public Tensor forward(Tensor x, boolean causal, Tensor keyPadding) {
        if (normFirst) {
            x = x.add(dropout1.forward(selfAttn.forward(norm1.forward(x), causal, keyPadding)));
            return x.add(dropout2.forward(FeedForward.apply(norm2.forward(x), linear1, linear2, activation, dropout)));
        }
        x = norm1.forward(x.add(dropout1.forward(selfAttn.forward(x, causal, keyPadding))));
        return norm2.forward(x.add(dropout2.forward(FeedForward.apply(x, linear1, linear2, activation, dropout))));
    }
}
