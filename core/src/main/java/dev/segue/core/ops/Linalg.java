package dev.segue.core.ops;

import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Autograd;

/** Matrix products with NumPy/PyTorch semantics. */
public final class Linalg {
    private Linalg() {}

    /**
     * a [..., M, K] · b [..., K, N] → [..., M, N] with broadcast batch dims; a 1-D a is a row [1, K]
     * and a 1-D b a column [K, 1], the added dim removed from the result.
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        if (a.dim() == 0 || b.dim() == 0) throw new IllegalArgumentException("matmul: both operands need at least one dim, got " + Shape.str(a.shape()) + " and " + Shape.str(b.shape()));
        if (a.dim() == 1 && b.dim() == 1) return matmul(a.unsqueeze(0), b.unsqueeze(1)).reshape();
        if (a.dim() == 1) return matmul(a.unsqueeze(0), b).squeeze(-2);
        if (b.dim() == 1) return matmul(a, b.unsqueeze(1)).squeeze(-1);
        if (b.dim() == 2 && a.dim() > 2) {
            // [..., M, K]·[K, N]: one [(…·M), K]·[K, N] product instead of a batch of small ones, so the
            // weight is packed once and its gradient is one GEMM (not a [batch, K, N] stack summed after)
            int[] as = a.shape();
            int k = as[as.length - 1];
            if (b.size(0) != k) throw new IllegalArgumentException("matmul: shapes " + Shape.str(as) + " and " + Shape.str(b.shape()) + " do not match (" + k + " ≠ " + b.size(0) + ")");
            int[] outShape = as.clone();
            outShape[as.length - 1] = b.size(1);
            int rows = Shape.numel(java.util.Arrays.copyOf(as, as.length - 1));
            return matmulNd(a.reshape(rows, k), b).reshape(outShape);
        }
        return matmulNd(a, b);
    }

    private static Tensor matmulNd(Tensor a, Tensor b) {
        int[] as = a.shape(), bs = b.shape();
        int m = as[as.length - 2], k = as[as.length - 1], k2 = bs[bs.length - 2], n = bs[bs.length - 1];
        if (k != k2) throw new IllegalArgumentException("matmul: shapes " + Shape.str(as) + " and " + Shape.str(bs) + " do not match (" + k + " ≠ " + k2 + ")");
        int[] batchA = java.util.Arrays.copyOf(as, as.length - 2), batchB = java.util.Arrays.copyOf(bs, bs.length - 2);
        int[] batch = Shape.broadcast(batchA, batchB, "matmul");
        int nb = Shape.numel(batch);
        Tensor a3 = to3d(a, batch, nb, m, k), b3 = to3d(b, batch, nb, k, n);
        int[] outShape = java.util.Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        Tensor out = Tensor.empty(a.backend(), Elementwise.promote(a.dtype(), b.dtype()), nb, m, n);
        if (a3.dtype() != out.dtype()) a3 = a3.to(out.dtype());
        if (b3.dtype() != out.dtype()) b3 = b3.to(out.dtype());
        a.backend().matmul(a3.detach(), b3.detach(), out, 1, 0);
        Tensor result = new Tensor(out.storage(), outShape, Shape.contiguousStrides(outShape), 0);
        return Autograd.record("matmul", result, g -> new Tensor[]{
                a.requiresGrad() ? matmulNd(g, b.mT()).sumTo(as) : null,
                b.requiresGrad() ? matmulNd(a.mT(), g).sumTo(bs) : null}, a, b);
    }

    /** A [nb, r, c] view of x broadcast to batch (a stride-0 batch when x has no batch dims). */
    private static Tensor to3d(Tensor x, int[] batch, int nb, int r, int c) {
        int[] full = java.util.Arrays.copyOf(batch, batch.length + 2);
        full[batch.length] = r;
        full[batch.length + 1] = c;
        Tensor e = x.detach().expand(full);
        int[] st = Views.viewStrides(e.shape(), e.strides(), new int[]{nb, r, c});
        if (st != null) return new Tensor(e.storage(), new int[]{nb, r, c}, st, e.offset());
        return e.contiguous().reshape(nb, r, c);
    }
}
