package dev.segue.core.ops;

import dev.segue.core.DType;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Autograd;

/** cat / stack (copies) and split / chunk (views). */
public final class Joining {
    private Joining() {}

    public static Tensor cat(int dim, Tensor... ts) {
        if (ts.length == 0) throw new IllegalArgumentException("cat: no tensors");
        int r = ts[0].dim();
        int d = Shape.dim(dim, r, "cat");
        int[] os = ts[0].shape();
        DType dt = ts[0].dtype();
        int total = 0;
        for (Tensor t : ts) {
            int[] s = t.shape();
            if (s.length != r) throw new IllegalArgumentException("cat: ranks differ: " + Shape.str(os) + " and " + Shape.str(s));
            for (int k = 0; k < r; k++)
                if (k != d && s[k] != os[k]) throw new IllegalArgumentException("cat: shapes " + Shape.str(os) + " and " + Shape.str(s) + " differ outside dim " + d);
            total += s[d];
            dt = Elementwise.promote(dt, t.dtype());
        }
        os[d] = total;
        Tensor out = Tensor.empty(ts[0].backend(), dt, os);
        int[] starts = new int[ts.length];
        int at = 0;
        for (int i = 0; i < ts.length; i++) {
            starts[i] = at;
            int len = ts[i].shape()[d];
            ts[i].backend().copy(ts[i], Views.narrowRaw(out, d, at, len));
            at += len;
        }
        return Autograd.record("cat", out, g -> {
            Tensor[] gs = new Tensor[ts.length];
            for (int i = 0; i < ts.length; i++) gs[i] = g.narrow(d, starts[i], ts[i].shape()[d]);
            return gs;
        }, ts);
    }

    public static Tensor stack(int dim, Tensor... ts) {
        if (ts.length == 0) throw new IllegalArgumentException("stack: no tensors");
        int d = dim < 0 ? dim + ts[0].dim() + 1 : dim;
        Tensor[] u = new Tensor[ts.length];
        for (int i = 0; i < ts.length; i++) {
            if (!Shape.equal(ts[i].shape(), ts[0].shape())) throw new IllegalArgumentException("stack: shapes " + Shape.str(ts[0].shape()) + " and " + Shape.str(ts[i].shape()) + " differ");
            u[i] = ts[i].unsqueeze(d);
        }
        return cat(d, u);
    }

    /** Pieces of {@code size} along dim (the last may be smaller), as views. */
    public static Tensor[] split(Tensor x, int size, int dim) {
        int d = Shape.dim(dim, x.dim(), "split");
        if (size <= 0) throw new IllegalArgumentException("split: size must be positive, got " + size);
        int n = x.shape()[d];
        int pieces = Math.max(1, (n + size - 1) / size);
        Tensor[] out = new Tensor[pieces];
        for (int i = 0; i < pieces; i++) out[i] = x.narrow(d, i * size, Math.min(size, n - i * size));
        return out;
    }

    /** torch.chunk: ceil(n / chunks) per piece. */
    public static Tensor[] chunk(Tensor x, int chunks, int dim) {
        if (chunks <= 0) throw new IllegalArgumentException("chunk: chunks must be positive, got " + chunks);
        int n = x.shape()[Shape.dim(dim, x.dim(), "chunk")];
        return split(x, Math.max(1, (n + chunks - 1) / chunks), dim);
    }
}
