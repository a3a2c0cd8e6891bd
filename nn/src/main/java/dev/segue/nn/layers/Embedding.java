package dev.segue.nn.layers;

import dev.segue.core.Rng;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.nn.Init;
import dev.segue.nn.Module;

/**
 * A lookup table [V, D]: ids of any shape → [..., D]. The padding id's row is zeroed at init and gets
 * no gradient. A pretrained table can be loaded and frozen. For large tables, {@link #touchedRows}
 * gives the rows a batch used, so an optimizer can update only those (row-sparse gradient).
 */
public final class Embedding extends Module {
    private final int paddingIdx;

    /** N(0, 1) init like PyTorch; paddingIdx < 0 for none. */
    public Embedding(int num, int dim, int paddingIdx, Rng rng) {
        this.paddingIdx = paddingIdx;
        Tensor weight = registerParameter("weight", Init.normal(Tensor.zeros(num, dim), 0, 1, rng));
        if (paddingIdx >= 0) Init.zeros(weight.select(0, paddingIdx));
    }

    /** A table initialised from {@code pretrained} [V, D] (copied), trainable unless {@code freeze}. */
    public static Embedding fromPretrained(Tensor pretrained, boolean freeze, int paddingIdx) {
        if (pretrained.dim() != 2) throw new IllegalArgumentException("pretrained embeddings must be [V, D], got " + Shape.str(pretrained.shape()));
        Embedding e = new Embedding(pretrained.size(0), pretrained.size(1), paddingIdx, new Rng(0));
        Tensor w = e.weight();
        w.backend().copy(pretrained.detach().to(w.dtype()).contiguous(), w);
        if (freeze) w.requiresGrad(false);
        return e;
    }

    public Tensor weight() { return param("weight"); }
    public int paddingIdx() { return paddingIdx; }

    public Tensor forward(Tensor ids) {
        if (!sparse || !weight().requiresGrad() || !dev.segue.core.autograd.Grad.enabled()) return weight().embedding(ids, paddingIdx);
        // row-sparse path: the lookup itself without a dense table gradient; backward records only the touched rows
        Tensor w = weight();
        long[] flat = ids.toLongArray();
        Tensor out;
        try (var g = dev.segue.core.autograd.Grad.off()) { out = w.embedding(ids, paddingIdx); }
        int d = w.size(1);
        return dev.segue.core.autograd.Autograd.record("embedding_row_sparse", out, g -> {
            RowSparseGrad rg = RowSparseGrad.coalesce(flat, g.contiguous().reshape(flat.length, d), paddingIdx);
            sparseGrad = sparseGrad == null ? rg : sparseGrad.plus(rg);
            return new Tensor[]{null};
        }, w);
    }

    private boolean sparse;
    private RowSparseGrad sparseGrad;

    /**
     * Row-sparse gradients for large tables: backward leaves weight().grad() null and accumulates
     * {@link #sparseGrad()} instead, which the optimizers apply to the touched rows only.
     */
    public Embedding sparse(boolean on) { sparse = on; return this; }

    public boolean isSparse() { return sparse; }

    /** The accumulated row-sparse gradient since the last {@link #clearSparseGrad()}, or null. */
    public RowSparseGrad sparseGrad() { return sparseGrad; }

    public void clearSparseGrad() { sparseGrad = null; }

    /** The distinct ids of a batch in ascending order (the rows whose gradient can be nonzero). */
    public static long[] touchedRows(Tensor ids) {
        return java.util.Arrays.stream(ids.toLongArray()).distinct().sorted().toArray();
    }
}
