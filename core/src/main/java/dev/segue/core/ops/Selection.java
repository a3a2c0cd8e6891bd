package dev.segue.core.ops;

import dev.segue.core.DType;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Autograd;

/** Top-k along the last dim; the gradient flows to the selected positions. */
public final class Selection {
    private Selection() {}

    public static Tensor[] topk(Tensor x, int k, boolean largest) {
        if (x.dim() == 0) throw new IllegalArgumentException("topk: needs at least one dim");
        int[] shape = x.shape();
        int n = shape[shape.length - 1];
        if (k < 0 || k > n) throw new IllegalArgumentException("topk: k = " + k + " is out of range for a last dim of size " + n + " (shape " + Shape.str(shape) + ")");
        int rows = n == 0 ? 0 : x.numel() / n;
        int[] os = shape.clone();
        os[os.length - 1] = k;
        Tensor values = Tensor.empty(x.backend(), x.dtype(), os);
        Tensor indices = Tensor.empty(x.backend(), DType.I64, os);
        if (rows > 0 && k > 0)
            x.backend().topk(x.detach().contiguous().reshape(rows, n), k, largest,
                    values.reshape(rows, k), indices.reshape(rows, k));
        Tensor v = Autograd.record("topk", values, g -> {
            Tensor z = Tensor.zeros(g.dtype(), shape);
            return new Tensor[]{z.scatterAdd(shape.length - 1, indices, g)};
        }, x);
        return new Tensor[]{v, indices};
    }
}
