package dev.segue.recsys.rta;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.attention.TransformerEncoderLayer;
import dev.segue.nn.layers.Activation;

/**
 * The {@code nn} representer: the song, artist, album and popularity-bucket vectors form a sequence of
 * 4 tokens, one post-norm transformer encoder layer (no positions: the token order is fixed, so the
 * learned tables tell them apart) mixes them, and e(song) = Σ_k w_k · out_k with learned weights w
 * (initialised to 1/4, the FM mean).
 */
public final class NnRepresenter extends Representer {
    private final MetadataTables t;
    private final TransformerEncoderLayer mixer;
    private final Tensor weights;

    public NnRepresenter(Tensor songInit, ItemGroups groups, int heads, int ffn, double dropout, double eps, Rng rng) {
        t = registerModule("tables", new MetadataTables(songInit, groups));
        mixer = registerModule("mixer", new TransformerEncoderLayer(songInit.size(1), heads, ffn, dropout, Activation.GELU, eps, false, rng));
        weights = registerParameter("token_weights", Tensor.full(0.25, 4));
    }

    @Override public Tensor forward(Tensor ids) {
        int[] shape = ids.shape();
        int n = ids.numel(), d = t.dim;
        Tensor flat = ids.reshape(n);
        Tensor[] k = t.tokens(flat);                                            // 4 × [n, d]
        Tensor x = Tensor.stack(1, k);                                          // [n, 4, d]
        Tensor y = mixer.forward(x, false, null);                               // [n, 4, d]
        Tensor out = y.mul(weights.reshape(1, 4, 1)).sum(1, false);            // [n, d]
        int[] outShape = java.util.Arrays.copyOf(shape, shape.length + 1);
        outShape[shape.length] = d;
        return out.reshape(outShape);
    }

    @Override public Tensor all() { return forward(t.allIds()); }
    @Override public int dim() { return t.dim; }
    @Override public int items() { return t.items; }
}
