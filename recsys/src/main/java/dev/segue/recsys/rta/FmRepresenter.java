package dev.segue.recsys.rta;

import dev.segue.core.Tensor;

/**
 * The {@code fm} representer: e(song) = mean of the song's own vector and its artist, album and
 * popularity-bucket vectors (a factorisation-machine style sum of feature embeddings, divided by 4).
 */
public final class FmRepresenter extends Representer {
    private final MetadataTables t;

    public FmRepresenter(Tensor songInit, ItemGroups groups) { t = registerModule("tables", new MetadataTables(songInit, groups)); }

    @Override public Tensor forward(Tensor ids) {
        Tensor[] k = t.tokens(ids);
        return k[0].add(k[1]).add(k[2]).add(k[3]).mul(0.25);
    }

    @Override public Tensor all() { return forward(t.allIds()); }
    @Override public int dim() { return t.dim; }
    @Override public int items() { return t.items; }
}
