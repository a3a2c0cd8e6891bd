package dev.segue.recsys.rta;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.attention.RtaDecoderLayer;
import dev.segue.nn.layers.Activation;

/**
 * Represent-then-aggregate: a {@link Representer} maps songs to vectors, the RTA decoder (1 post-norm
 * layer, causal + key-padding masks, extra LayerNorm, GELU FFN, learned right-aligned positions) maps
 * a session prefix to h, and a song's score is ⟨h, e(song)⟩ with every item representation.
 */
public final class RtaModel extends Module {
    private final Representer representer;
    private final RtaDecoderLayer decoder;

    /** {@code rng} initialises the decoder and then drives its dropout (checkpoint its state to resume). */
    public RtaModel(Representer representer, int heads, int ffn, int maxLen, double dropout, double eps, Rng rng) {
        this.representer = registerModule("representer", representer);
        decoder = registerModule("aggregator", new RtaDecoderLayer(representer.dim(), heads, ffn, maxLen, dropout, Activation.GELU, eps, rng));
    }

    public Representer representer() { return representer; }
    public RtaDecoderLayer decoder() { return decoder; }

    /** reps [B, T, d], keyPadding [B, T] (nonzero = padded, right padding) → h [B, T, d]: h_t summarises songs 0…t. */
    public Tensor aggregate(Tensor reps, Tensor keyPadding) { return decoder.forwardRightAligned(reps, keyPadding); }

    /**
     * The session representation after all of its songs, for sessions of equal length: seeds [B, T]
     * (no padding) → [B, d]. In the reference code evaluation batches hold one group (same seed count).
     */
    public Tensor sessionRepresentation(long[] seeds, int b, int t) {
        Tensor ids = Tensor.ofLongs(seeds, b, t);
        Tensor h = aggregate(representer.forward(ids), null);
        return h.select(1, t - 1).contiguous();
    }
}
