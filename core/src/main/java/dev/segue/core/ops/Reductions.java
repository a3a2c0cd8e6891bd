package dev.segue.core.ops;

import dev.segue.core.Backend.Reduce;
import dev.segue.core.DType;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Autograd;
import dev.segue.core.autograd.Grad;

/** Reductions over dims (keepdim or not) with their backward. */
public final class Reductions {
    private Reductions() {}

    private static Tensor reduceRaw(Reduce op, Tensor x, int[] dims, boolean keepdim) {
        int[] shape = x.shape();
        int[] keep = Shape.reducedShape(shape, dims, true);
        DType dt = x.dtype().isFloating() ? x.dtype() : (op == Reduce.SUM ? DType.I64 : x.dtype());
        Tensor out = Tensor.empty(x.backend(), dt, keep);
        x.backend().reduce(op, x, dims, out);
        if (keepdim) return out;
        return new Tensor(out.storage(), Shape.reducedShape(shape, dims, false), Shape.contiguousStrides(Shape.reducedShape(shape, dims, false)), out.offset());
    }

    public static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
        int[] d = Shape.reduceDims(dims, x.dim(), "sum");
        int[] shape = x.shape(), keep = Shape.reducedShape(shape, d, true);
        Tensor out = reduceRaw(Reduce.SUM, x, d, keepdim);
        return Autograd.record("sum", out, g -> new Tensor[]{g.reshape(keep).expand(shape)}, x);
    }

    public static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        int[] d = Shape.reduceDims(dims, x.dim(), "mean");
        int n = 1;
        for (int k : d) n *= x.shape()[k];
        return sum(x, d, keepdim).div(n);
    }

    /** Max over dims; the gradient is shared evenly between tied maxima (as torch.amax). */
    public static Tensor amax(Tensor x, int[] dims, boolean keepdim) { return extreme(Reduce.MAX, x, dims, keepdim); }

    public static Tensor amin(Tensor x, int[] dims, boolean keepdim) { return extreme(Reduce.MIN, x, dims, keepdim); }

    private static Tensor extreme(Reduce op, Tensor x, int[] dims, boolean keepdim) {
        int[] d = Shape.reduceDims(dims, x.dim(), op.name().toLowerCase());
        int[] shape = x.shape(), keep = Shape.reducedShape(shape, d, true);
        Tensor out = reduceRaw(op, x, d, keepdim);
        return Autograd.record(op == Reduce.MAX ? "amax" : "amin", out, g -> {
            Tensor hit = x.eq(out.reshape(keep));
            Tensor count = hit.sum(d, true);
            return new Tensor[]{g.reshape(keep).mul(hit).div(count)};
        }, x);
    }

    /** Values and I64 indices of the max (or min) along dim; the gradient goes to the chosen index. */
    public static Tensor[] maxDim(Tensor x, int dim, boolean keepdim, boolean max) {
        int dd = Shape.dim(dim, x.dim(), max ? "max" : "min");
        int[] shape = x.shape(), keep = Shape.reducedShape(shape, new int[]{dd}, true);
        Tensor idx = Tensor.empty(x.backend(), DType.I64, keep);
        x.backend().argReduce(max, x, dd, idx);
        Tensor values;
        try (Grad g = Grad.off()) {
            values = x.gather(dd, idx);
        }
        Tensor v = Autograd.record(max ? "max" : "min", values, g -> {
            Tensor z = Tensor.zeros(g.dtype(), shape);
            return new Tensor[]{z.scatterAdd(dd, idx, g)};
        }, x);
        if (keepdim) return new Tensor[]{v, idx};
        return new Tensor[]{v.squeeze(dd), idx.squeeze(dd)};
    }

    public static Tensor argmax(Tensor x, Integer dim, boolean keepdim) {
        if (dim == null) {
            Tensor flat = x.detach().reshape(x.numel());
            Tensor idx = Tensor.empty(x.backend(), DType.I64, 1);
            x.backend().argReduce(true, flat, 0, idx);
            return keepdim ? idx.reshape(ones(x.dim())) : idx.reshape();
        }
        int dd = Shape.dim(dim, x.dim(), "argmax");
        int[] keep = Shape.reducedShape(x.shape(), new int[]{dd}, true);
        Tensor idx = Tensor.empty(x.backend(), DType.I64, keep);
        x.backend().argReduce(true, x, dd, idx);
        return keepdim ? idx : idx.squeeze(dd);
    }

    private static int[] ones(int r) { int[] a = new int[r]; java.util.Arrays.fill(a, 1); return a; }

    /** Two-pass variance: mean first, then the mean of squared deviations (stable for large means). */
    public static Tensor var(Tensor x, int[] dims, boolean unbiased, boolean keepdim) {
        int[] d = Shape.reduceDims(dims, x.dim(), "var");
        int n = 1;
        for (int k : d) n *= x.shape()[k];
        Tensor mu = mean(x, d, true);
        Tensor ss = x.sub(mu).square().sum(d, keepdim);
        return ss.div(unbiased ? n - 1 : n);
    }

    /** log Σ exp along dim, with the max subtracted first (a row of -inf gives -inf). */
    public static Tensor logsumexp(Tensor x, int dim, boolean keepdim) {
        int dd = Shape.dim(dim, x.dim(), "logsumexp");
        Tensor m;
        try (Grad g = Grad.off()) {
            m = x.amax(new int[]{dd}, true);
            m = Tensor.where(m.abs().lt(Tensor.full(m.dtype(), Double.POSITIVE_INFINITY, 1)), m, Tensor.zeros(m.dtype(), 1));
        }
        Tensor r = x.sub(m).exp().sum(dd, true).log().add(m);
        return keepdim ? r : r.squeeze(dd);
    }

    /** Sums away the broadcast dims so that the result has the target shape. */
    public static Tensor sumTo(Tensor g, int[] target) {
        int[] s = g.shape();
        if (Shape.equal(s, target)) return g;
        int lead = s.length - target.length;
        if (lead < 0) throw new IllegalArgumentException("sumTo: cannot reduce shape " + Shape.str(s) + " to " + Shape.str(target));
        java.util.List<Integer> dims = new java.util.ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            if (i < lead) dims.add(i);
            else if (target[i - lead] == 1 && s[i] != 1) dims.add(i);
            else if (target[i - lead] != s[i]) throw new IllegalArgumentException("sumTo: cannot reduce shape " + Shape.str(s) + " to " + Shape.str(target));
        }
        if (dims.isEmpty()) return g.reshape(target);
        int[] da = dims.stream().mapToInt(Integer::intValue).toArray();
        return g.sum(da, true).reshape(target);
    }
}
