package dev.segue.recsys.rta;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.Init;
import dev.segue.nn.layers.Embedding;

/**
 * One trainable vector per item: the {@code random}, {@code mf} and {@code pretrained} representers
 * differ only in the initial table (N(0, std²); WRMF item factors; audio embeddings). Row 0 is padding.
 */
public final class EmbeddingRepresenter extends Representer {
    private final Embedding table;

    private EmbeddingRepresenter(Embedding table) { this.table = registerModule("embedding", table); }

    /** N(0, std²) rows, padding row zero. */
    public static EmbeddingRepresenter random(int items, int dim, double std, Rng rng) {
        Embedding e = new Embedding(items, dim, 0, rng);
        Init.normal(e.weight(), 0, std, rng);
        Init.zeros(e.weight().select(0, 0));
        return new EmbeddingRepresenter(e);
    }

    /** A copy of {@code table} [V, d] (aligned to the vocabulary, row 0 padding), trainable unless frozen. */
    public static EmbeddingRepresenter pretrained(Tensor table, boolean freeze) {
        return new EmbeddingRepresenter(Embedding.fromPretrained(table, freeze, 0));
    }

    @Override public Tensor forward(Tensor ids) { return table.forward(ids); }
    @Override public Tensor all() { return table.weight(); }
    /** The table rows are read in place (no [B, N, d] copy): see {@link Tensor#gatherDot}. */
    @Override public Tensor scores(Tensor ids, Tensor h) { return table.weight().gatherDot(ids, h); }
    @Override public int dim() { return table.weight().size(1); }
    @Override public int items() { return table.weight().size(0); }
}
