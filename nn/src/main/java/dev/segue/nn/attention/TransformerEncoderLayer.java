package dev.segue.nn.attention;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.layers.Activation;

/**
 * torch.nn.TransformerEncoderLayer (batch_first), post-norm {@code x = LN1(x + SA(x)); x = LN2(x + FF(x))}
 * or pre-norm {@code x = x + SA(LN1(x)); x = x + FF(LN2(x))}; parameter names self_attn.*, linear1.*,
 * linear2.*, norm1.*, norm2.*.
 */
public final class TransformerEncoderLayer extends SelfAttentionBlock {
    private final boolean normFirst;

    public TransformerEncoderLayer(int dModel, int nHead, int dimFeedforward, double dropoutP, Activation activation,
                                   double eps, boolean normFirst, Rng rng) {
        this.normFirst = normFirst;
        registerSublayers(dModel, nHead, dimFeedforward, dropoutP, activation, eps, rng);
    }

    /** x [B, T, d]; keyPadding [B, T] (nonzero = padded) or null. */
    public Tensor forward(Tensor x, boolean causal, Tensor keyPadding) {
        if (normFirst) {
            x = x.add(attention(norm1.forward(x), causal, keyPadding));
            return x.add(feedForward(norm2.forward(x)));
        }
        x = norm1.forward(x.add(attention(x, causal, keyPadding)));
        return norm2.forward(x.add(feedForward(x)));
    }
}
