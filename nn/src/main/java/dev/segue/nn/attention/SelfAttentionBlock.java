package dev.segue.nn.attention;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.layers.Activation;
import dev.segue.nn.layers.Dropout;
import dev.segue.nn.layers.LayerNorm;
import dev.segue.nn.layers.Linear;

/**
 * The sublayers that torch.nn.TransformerEncoderLayer and the RTA decoder layer share, under PyTorch's
 * names: {@code self_attn}, {@code linear1}, {@code linear2}, {@code norm1}, {@code norm2} and the
 * dropouts {@code dropout} (inside the FFN), {@code dropout1} (after attention), {@code dropout2} (after
 * the FFN). A subclass calls {@link #registerSublayers} in its constructor where its own registration
 * order wants them (the order sets which weights the generator draws first).
 */
abstract class SelfAttentionBlock extends Module {
    protected MultiheadAttention selfAttn;
    protected Linear linear1, linear2;
    protected LayerNorm norm1, norm2;
    protected Dropout dropout, dropout1, dropout2;
    protected Activation activation;

    /** Registers the shared sublayers, drawing the attention then the FFN weights from {@code rng}. */
    protected final void registerSublayers(int dModel, int nHead, int dimFeedforward, double dropoutP, Activation activation, double eps, Rng rng) {
        this.activation = activation;
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

    /** dropout1(SA(x)): the attention branch of a residual block. */
    protected final Tensor attention(Tensor x, boolean causal, Tensor keyPadding) {
        return dropout1.forward(selfAttn.forward(x, causal, keyPadding));
    }

    /** dropout2(linear2(dropout(act(linear1(x))))): the feed-forward branch of a residual block. */
    protected final Tensor feedForward(Tensor x) {
        return dropout2.forward(FeedForward.apply(x, linear1, linear2, activation, dropout));
    }
}
