package dev.segue.nn.attention;

import dev.segue.core.Rng;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.nn.layers.Activation;
import dev.segue.nn.layers.Embedding;
import dev.segue.nn.layers.LayerNorm;

/**
 * The RTA (Represent-Then-Aggregate) decoder layer with its learned absolute positions:
 * x0 = x + pos_embedding[:T]; x1 = norm1(x0 + SA(x0)) with causal and key-padding masks;
 * x2 = norm2(x1) (the extra LayerNorm RTA applies); out = norm3(x2 + linear2(act(linear1(x2)))).
 * With {@code maxLen} 0 the layer has no position table and only {@link #forwardWithoutPositions}
 * applies (the reference's nn representer uses the same layer that way, unmasked).
 */
public final class RtaDecoderLayer extends SelfAttentionBlock {
    private final Embedding posEmbedding;
    private final LayerNorm norm3;
    private final int maxLen;

    public RtaDecoderLayer(int dModel, int nHead, int dimFeedforward, int maxLen, double dropoutP, Activation activation, double eps, Rng rng) {
        if (maxLen < 0) throw new IllegalArgumentException("RtaDecoderLayer: maxLen must be >= 0, got " + maxLen);
        this.maxLen = maxLen;
        posEmbedding = maxLen == 0 ? null : registerModule("pos_embedding", new Embedding(maxLen, dModel, -1, rng));
        registerSublayers(dModel, nHead, dimFeedforward, dropoutP, activation, eps, rng);
        norm3 = registerModule("norm3", new LayerNorm(dModel, eps));
    }

    /** x [B, T, d] (T ≤ maxLen); keyPadding [B, T] (nonzero = padded) or null; causal mask always on. */
    public Tensor forward(Tensor x, Tensor keyPadding) {
        int t = x.size(1);
        if (x.dim() != 3 || t > maxLen)
            throw new IllegalArgumentException("RtaDecoderLayer: x must be [B, T ≤ " + maxLen + ", d], got " + Shape.str(x.shape()));
        requirePositions();
        return forwardAt(x, keyPadding, posEmbedding.weight().narrow(0, 0, t));
    }

    /** The layer without adding positions: x [B, T, d], any T; {@code causal} masks future columns. */
    public Tensor forwardWithoutPositions(Tensor x, boolean causal, Tensor keyPadding) {
        if (x.dim() != 3) throw new IllegalArgumentException("RtaDecoderLayer: x must be [B, T, d], got " + Shape.str(x.shape()));
        return block(x, causal, keyPadding);
    }

    private void requirePositions() {
        if (posEmbedding == null) throw new IllegalStateException("RtaDecoderLayer built with maxLen 0 has no positions: use forwardWithoutPositions");
    }

    /**
     * As {@link #forward(Tensor, Tensor)} with the position rows the RTA reference code uses: the last
     * of T columns gets position maxLen − 1, i.e. positions [maxLen − T, maxLen) when T &lt; maxLen;
     * longer inputs get 1…maxLen−1 on their last maxLen − 1 columns and 1 before. x [B, T, d], any T.
     */
    public Tensor forwardRightAligned(Tensor x, Tensor keyPadding) {
        if (x.dim() != 3) throw new IllegalArgumentException("RtaDecoderLayer: x must be [B, T, d], got " + Shape.str(x.shape()));
        requirePositions();
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

    /** pos [T, d] added to every row of x [B, T, d]; causal. */
    private Tensor forwardAt(Tensor x, Tensor keyPadding, Tensor pos) {
        return block(x.add(pos), true, keyPadding);
    }

    private Tensor block(Tensor x0, boolean causal, Tensor keyPadding) {
        Tensor x1 = norm1.forward(x0.add(attention(x0, causal, keyPadding)));
        Tensor x2 = norm2.forward(x1);
        return norm3.forward(x2.add(feedForward(x2)));
    }
}
