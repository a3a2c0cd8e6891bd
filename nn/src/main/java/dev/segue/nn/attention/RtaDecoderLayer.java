package dev.segue.nn.attention;

import dev.segue.core.Rng;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.layers.Activation;
import dev.segue.nn.layers.Dropout;
import dev.segue.nn.layers.Embedding;
import dev.segue.nn.layers.LayerNorm;
import dev.segue.nn.layers.Linear;

/**
 * The RTA (Represent-Then-Aggregate) decoder layer with its learned absolute positions:
 * x0 = x + pos_embedding[:T]; x1 = norm1(x0 + SA(x0)) with causal and key-padding masks;
 * x2 = norm2(x1) (the extra LayerNorm RTA applies); out = norm3(x2 + linear2(act(linear1(x2)))).
 */
public final class RtaDecoderLayer extends Module {
    private final Embedding posEmbedding;
    private final MultiheadAttention selfAttn;
    private final Linear linear1, linear2;
    private final LayerNorm norm1, norm2, norm3;
    private final Dropout dropout, dropout1, dropout2;
    private final Activation activation;
    private final int maxLen;

    public RtaDecoderLayer(int dModel, int nHead, int dimFeedforward, int maxLen, double dropoutP, Activation activation, double eps, Rng rng) {
        this.activation = activation;
        this.maxLen = maxLen;
        posEmbedding = registerModule("pos_embedding", new Embedding(maxLen, dModel, -1, rng));
        selfAttn = registerModule("self_attn", new MultiheadAttention(dModel, nHead, true, dropoutP, rng));
        Linear[] ff = FeedForward.make(dModel, dimFeedforward, rng);
        linear1 = registerModule("linear1", ff[0]);
        linear2 = registerModule("linear2", ff[1]);
        norm1 = registerModule("norm1", new LayerNorm(dModel, eps));
        norm2 = registerModule("norm2", new LayerNorm(dModel, eps));
        norm3 = registerModule("norm3", new LayerNorm(dModel, eps));
        dropout = registerModule("dropout", new Dropout(dropoutP, rng));
        dropout1 = registerModule("dropout1", new Dropout(dropoutP, rng));
        dropout2 = registerModule("dropout2", new Dropout(dropoutP, rng));
    }

    /** x [B, T, d] (T ≤ maxLen); keyPadding [B, T] (nonzero = padded) or null; causal mask always on. */
    public Tensor forward(Tensor x, Tensor keyPadding) {
        int t = x.size(1);
        if (x.dim() != 3 || t > maxLen)
            throw new IllegalArgumentException("RtaDecoderLayer: x must be [B, T ≤ " + maxLen + ", d], got " + Shape.str(x.shape()));
        return forwardAt(x, keyPadding, posEmbedding.weight().narrow(0, 0, t));
    }

    /**
     * As {@link #forward(Tensor, Tensor)} with the position rows the RTA reference code uses: the last
     * of T columns gets position maxLen − 1, i.e. positions [maxLen − T, maxLen) when T &lt; maxLen;
     * longer inputs get 1…maxLen−1 on their last maxLen − 1 columns and 1 before. x [B, T, d], any T.
     */
    public Tensor forwardRightAligned(Tensor x, Tensor keyPadding) {
        if (x.dim() != 3) throw new IllegalArgumentException("RtaDecoderLayer: x must be [B, T, d], got " + Shape.str(x.shape()));
        long[] pos = rightAlignedPositions(x.size(1), maxLen);
        return forwardAt(x, keyPadding, posEmbedding.forward(Tensor.ofLongs(pos, pos.length)));
    }

    /** The position ids of {@link #forwardRightAligned} for T columns. */
    public static long[] rightAlignedPositions(int t, int maxLen) {
        long[] pos = new long[t];
        if (t < maxLen) {
            for (int i = 0; i < t; i++) pos[i] = maxLen - t + i;
        } else {
            java.util.Arrays.fill(pos, 1);
            for (int j = 1; j < maxLen; j++) pos[t - maxLen + j] = j;
        }
        return pos;
    }

    public int maxLen() { return maxLen; }

    /** pos [T, d] added to every row of x [B, T, d]. */
    private Tensor forwardAt(Tensor x, Tensor keyPadding, Tensor pos) {
        Tensor x0 = x.add(pos);
        Tensor x1 = norm1.forward(x0.add(dropout1.forward(selfAttn.forward(x0, true, keyPadding))));
        Tensor x2 = norm2.forward(x1);
        return norm3.forward(x2.add(dropout2.forward(FeedForward.apply(x2, linear1, linear2, activation, dropout))));
    }
}
