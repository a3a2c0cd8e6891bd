package dev.segue.core.ops;

import dev.segue.core.DType;
import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Autograd;

/** Softmax / log-softmax over any dim and layer norm, each fused in a backend kernel. */
public final class Normalization {
    private Normalization() {}

    public static Tensor softmax(Tensor x, int dim, boolean log) {
        int d = Shape.dim(dim, x.dim(), log ? "log_softmax" : "softmax");
        Tensor xf = x.dtype().isFloating() ? x : x.to(DType.F32);
        Tensor xc = xf.contiguous().detach();
        Tensor out = Tensor.empty(x.backend(), xf.dtype(), x.shape());
        if (x.dim() == 0) { x.backend().fill(out, log ? 0 : 1); return out; }
        x.backend().softmax(xc, d, log, out);
        return Autograd.record(log ? "log_softmax" : "softmax", out, g -> {
            Tensor gx = Tensor.empty(g.backend(), out.dtype(), out.shape());
            g.backend().softmaxBackward(out, g.contiguous(), d, log, gx);
            return new Tensor[]{gx};
        }, x);
    }

    /** LayerNorm over the last nd dims (weight and bias of that shape, or null). */
    public static Tensor layerNorm(Tensor x, int nd, Tensor weight, Tensor bias, double eps) {
        int[] shape = x.shape();
        if (nd < 1 || nd > shape.length) throw new IllegalArgumentException("layer_norm: cannot normalise the last " + nd + " dims of shape " + Shape.str(shape));
        int[] normShape = java.util.Arrays.copyOfRange(shape, shape.length - nd, shape.length);
        for (Tensor p : new Tensor[]{weight, bias})
            if (p != null && !Shape.equal(p.shape(), normShape))
                throw new IllegalArgumentException("layer_norm: parameter of shape " + Shape.str(p.shape()) + " for normalized shape " + Shape.str(normShape) + " of input " + Shape.str(shape));
        int n = Shape.numel(normShape);
        int rows = n == 0 ? 0 : x.numel() / n;
        Tensor x2 = x.detach().contiguous().reshape(rows, n);
        Tensor w = weight == null ? null : weight.detach().contiguous().reshape(n);
        Tensor b = bias == null ? null : bias.detach().contiguous().reshape(n);
        Tensor out = Tensor.empty(x.backend(), x.dtype(), rows, n);
        Tensor mean = Tensor.empty(x.backend(), x.dtype(), rows), rstd = Tensor.empty(x.backend(), x.dtype(), rows);
        x.backend().layerNorm(x2, w, b, eps, out, mean, rstd);
        Tensor result = out.reshape(shape);
        return Autograd.record("layer_norm", result, g -> {
            Tensor gx = Tensor.empty(g.backend(), x.dtype(), rows, n);
            Tensor gw = weight != null && weight.requiresGrad() ? Tensor.empty(g.backend(), x.dtype(), n) : null;
            Tensor gb = bias != null && bias.requiresGrad() ? Tensor.empty(g.backend(), x.dtype(), n) : null;
            g.backend().layerNormBackward(x2, w, mean, rstd, g.contiguous().reshape(rows, n), gx, gw, gb);
            return new Tensor[]{gx.reshape(shape), gw == null ? null : gw.reshape(normShape), gb == null ? null : gb.reshape(normShape)};
        }, x, weight, bias);
    }
}
