package dev.segue.recsys.rta;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.attention.RtaDecoderLayer;
import dev.segue.nn.layers.Activation;
import dev.segue.nn.layers.Linear;

/**
 * The {@code nn} representer, as the reference's {@code AttentionFMRepresenter}: the song, artist, album
 * and popularity-bucket vectors form a sequence of 4 tokens; one layer of the RTA decoder's kind (post-norm
 * self-attention, the extra LayerNorm, GELU FFN) mixes them without positions or masks; then
 * e(song) = Σ_k w_k · out_k + b with a {@code Linear(4, 1)} over the token axis (PyTorch's default init,
 * so the weights start random, not at the FM mean). Reference sizes: 8 heads, FFN 1024, dropout 0
 * ({@link RtaOptions#nnHeads()}, {@link RtaOptions#nnFfn()}, {@link RtaOptions#nnDropout()}).
 * Deviation: the reference has a fifth token (a 30-second duration bucket), hence {@code Linear(5, 1)}.
 */
public final class NnRepresenter extends Representer {
    static final int TOKENS = 4;
    private final MetadataTables t;
    private final RtaDecoderLayer mixer;
    private final Linear combine;

    public NnRepresenter(Tensor songInit, ItemGroups groups, int heads, int ffn, double dropout, double eps, Rng rng) {
        t = registerModule("tables", new MetadataTables(songInit, groups));
        mixer = registerModule("mixer", new RtaDecoderLayer(songInit.size(1), heads, ffn, 0, dropout, Activation.GELU, eps, rng));
        combine = registerModule("linear", new Linear(TOKENS, 1, true, rng));
    }

    @Override public Tensor forward(Tensor ids) {
        int[] shape = ids.shape();
        int n = ids.numel(), d = t.dim;
        Tensor flat = ids.reshape(n);
        Tensor[] k = t.tokens(flat);                                            // 4 × [n, d]
        Tensor x = Tensor.stack(1, k);                                          // [n, 4, d]
        Tensor y = mixer.forwardWithoutPositions(x, false, null);               // [n, 4, d]
        Tensor out = combine.forward(y.transpose(1, 2)).reshape(n, d);          // [n, d, 4] → [n, d, 1]
        int[] outShape = java.util.Arrays.copyOf(shape, shape.length + 1);
        outShape[shape.length] = d;
        return out.reshape(outShape);
    }

    @Override public Tensor all() { return forward(t.allIds()); }
    @Override public int dim() { return t.dim; }
    @Override public int items() { return t.items; }
}
