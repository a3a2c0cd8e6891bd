package dev.segue.core.ops;

import dev.segue.core.DType;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Autograd;

/** index_select, gather, scatter_add and embedding lookup; the backward of a lookup is a scatter-add. */
public final class Indexing {
    private Indexing() {}

    private static void checkIndex(Tensor index, String op) {
        if (index.dtype().isFloating()) throw new IllegalArgumentException(op + ": indices must be I64 or I32, got " + index.dtype());
    }

    public static Tensor indexSelect(Tensor src, int dim, Tensor index) {
        checkIndex(index, "index_select");
        if (index.dim() > 1) throw new IllegalArgumentException("index_select: index must be 1-D, got shape " + Shape.str(index.shape()));
        int d = Shape.dim(dim, src.dim(), "index_select");
        int[] shape = src.shape();
        int[] os = shape.clone();
        os[d] = index.numel();
        Tensor out = Tensor.empty(src.backend(), src.dtype(), os);
        Tensor idx = index.contiguous();
        src.backend().indexSelect(src.detach().contiguous(), d, idx, out);
        return Autograd.record("index_select", out, g -> {
            Tensor gs = Tensor.zeros(g.dtype(), shape);
            g.backend().indexAdd(gs, d, idx, g.contiguous());
            return new Tensor[]{gs};
        }, src);
    }

    /**
     * Sampled scores out[b, j] = ⟨table[ids[b, j]], h[b]⟩ (table [V, d], ids [B, N], h [B, d] → [B, N]) without
     * the [B, N, d] gathered rows. No gradient: for choosing negatives and scoring candidates.
     */
    public static Tensor gatherDot(Tensor table, Tensor ids, Tensor h) {
        checkIndex(ids, "gather_dot");
        if (table.dim() != 2 || ids.dim() != 2 || h.dim() != 2 || h.size(0) != ids.size(0) || h.size(1) != table.size(1))
            throw new IllegalArgumentException("gather_dot: expected table [V, d], ids [B, N], h [B, d], got table " + Shape.str(table.shape())
                    + ", ids " + Shape.str(ids.shape()) + ", h " + Shape.str(h.shape()));
        if (table.dtype() != DType.F32 || h.dtype() != DType.F32)
            throw new IllegalArgumentException("gather_dot: table and h must be float32, got " + table.dtype() + " and " + h.dtype());
        Tensor out = Tensor.empty(table.backend(), DType.F32, ids.size(0), ids.size(1));
        table.backend().gatherDot(table.detach().contiguous(), ids.contiguous(), h.detach().contiguous(), out);
        return out;
    }

    public static Tensor gather(Tensor src, int dim, Tensor index) {
        checkIndex(index, "gather");
        int d = Shape.dim(dim, src.dim(), "gather");
        int[] shape = src.shape();
        Tensor idx = index.contiguous();
        Tensor out = Tensor.empty(src.backend(), src.dtype(), index.shape());
        src.backend().gather(src.detach().contiguous(), d, idx, out);
        return Autograd.record("gather", out, g -> {
            Tensor gs = Tensor.zeros(g.dtype(), shape);
            g.backend().scatterAdd(gs, d, idx, g);
            return new Tensor[]{gs};
        }, src);
    }

    /** self + (src scattered at index along dim). */
    public static Tensor scatterAdd(Tensor self, int dim, Tensor index, Tensor src) {
        checkIndex(index, "scatter_add");
        int d = Shape.dim(dim, self.dim(), "scatter_add");
        Tensor idx = index.contiguous();
        for (int k = 0; k < idx.dim(); k++)
            if (idx.shape()[k] > src.shape()[k]) throw new IllegalArgumentException("scatter_add: index of shape " + Shape.str(idx.shape()) + " is larger than src of shape " + Shape.str(src.shape()));
        Tensor out = self.detach().copy();
        DType dt = out.dtype();
        self.backend().scatterAdd(out, d, idx, src.detach().to(dt));
        return Autograd.record("scatter_add", out, g -> new Tensor[]{
                g, src.requiresGrad() ? gatherInto(g, d, idx, src.shape()) : null}, self, src);
    }

    /** The src-shaped gradient of scatter_add: gathered values where index covers src, zero elsewhere. */
    private static Tensor gatherInto(Tensor g, int d, Tensor idx, int[] srcShape) {
        Tensor gathered = g.gather(d, idx);
        if (Shape.equal(gathered.shape(), srcShape)) return gathered;
        Tensor full = Tensor.zeros(g.dtype(), srcShape);
        Tensor view = full;
        for (int k = 0; k < srcShape.length; k++) view = Views.narrowRaw(view, k, 0, idx.shape()[k]);
        g.backend().copy(gathered, view);
        return full;
    }

    /** table [V, D], ids [...] → [..., D]; gradient rows of paddingIdx stay zero (paddingIdx < 0: none). */
    public static Tensor embedding(Tensor table, Tensor ids, int paddingIdx) {
        checkIndex(ids, "embedding");
        if (table.dim() != 2) throw new IllegalArgumentException("embedding: table must be [V, D], got " + Shape.str(table.shape()));
        int v = table.shape()[0], dd = table.shape()[1];
        int[] is = ids.shape();
        int[] os = java.util.Arrays.copyOf(is, is.length + 1);
        os[is.length] = dd;
        Tensor flat = ids.contiguous().reshape(ids.numel());
        Tensor out = Tensor.empty(table.backend(), table.dtype(), ids.numel(), dd);
        table.backend().indexSelect(table.detach().contiguous(), 0, flat, out);
        Tensor result = out.reshape(os);
        return Autograd.record("embedding", result, g -> {
            Tensor gt = Tensor.zeros(g.dtype(), v, dd);
            g.backend().indexAdd(gt, 0, flat, g.contiguous().reshape(flat.numel(), dd));
            if (paddingIdx >= 0 && paddingIdx < v) g.backend().fill(Views.narrowRaw(gt, 0, paddingIdx, 1), 0);
            return new Tensor[]{gt};
        }, table);
    }
}
