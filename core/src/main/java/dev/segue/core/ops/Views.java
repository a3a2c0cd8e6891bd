package dev.segue.core.ops;

import dev.segue.core.Shape;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Autograd;

/** View ops (no data moved) and their backward: each gradient is the inverse view, or a sum/pad. */
public final class Views {
    private Views() {}

    /** Resolves one -1 in a requested shape. */
    static int[] inferShape(int[] req, int numel, String op, int[] from) {
        int[] s = req.clone();
        int unknown = -1, known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (unknown >= 0) throw new IllegalArgumentException(op + ": only one dimension can be -1 in " + Shape.str(req));
                unknown = i;
            } else if (s[i] < 0) throw new IllegalArgumentException(op + ": invalid size in " + Shape.str(req));
            else known *= s[i];
        }
        if (unknown >= 0) {
            if (known == 0 || numel % known != 0) throw new IllegalArgumentException(op + ": shape " + Shape.str(req) + " is invalid for a tensor of shape " + Shape.str(from));
            s[unknown] = numel / known;
        }
        if (Shape.numel(s) != numel) throw new IllegalArgumentException(op + ": shape " + Shape.str(req) + " is invalid for a tensor of shape " + Shape.str(from) + " (" + numel + " elements)");
        return s;
    }

    /** Strides for viewing (shape, strides) as newShape without a copy, or null (PyTorch's rule). */
    static int[] viewStrides(int[] shape, int[] strides, int[] newShape) {
        int[] ns = new int[newShape.length];
        if (shape.length == 0) { java.util.Arrays.fill(ns, 1); return ns; }
        if (Shape.numel(shape) == 0) return Shape.contiguousStrides(newShape);
        int viewD = newShape.length - 1;
        long chunkBase = strides[shape.length - 1];
        long tensorNumel = 1, viewNumel = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            tensorNumel *= shape[d];
            if (d == 0 || (shape[d - 1] != 1 && strides[d - 1] != tensorNumel * chunkBase)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    ns[viewD] = (int) (viewNumel * chunkBase);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (d > 0) { chunkBase = strides[d - 1]; tensorNumel = 1; viewNumel = 1; }
            }
        }
        return viewD == -1 ? ns : null;
    }

    public static Tensor view(Tensor x, int[] req) {
        int[] ns = inferShape(req, x.numel(), "view", x.shape());
        int[] st = viewStrides(x.shape(), x.strides(), ns);
        if (st == null) throw new IllegalArgumentException("view: a tensor of shape " + Shape.str(x.shape()) + " and strides " + java.util.Arrays.toString(x.strides()) + " cannot be viewed as " + Shape.str(ns) + "; use reshape()");
        return reshapeAs(x, ns, st);
    }

    public static Tensor reshape(Tensor x, int[] req) {
        int[] ns = inferShape(req, x.numel(), "reshape", x.shape());
        int[] st = viewStrides(x.shape(), x.strides(), ns);
        if (st == null) return reshapeAs(copy(x), ns, Shape.contiguousStrides(ns));
        return reshapeAs(x, ns, st);
    }

    private static Tensor reshapeAs(Tensor x, int[] ns, int[] st) {
        int[] old = x.shape();
        Tensor out = new Tensor(x.storage(), ns, st, x.offset());
        return Autograd.record("reshape", out, g -> new Tensor[]{g.reshape(old)}, x);
    }

    public static Tensor transpose(Tensor x, int d0, int d1) {
        int r = x.dim();
        int a = Shape.dim(d0, r, "transpose"), b = Shape.dim(d1, r, "transpose");
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) perm[i] = i;
        perm[a] = b; perm[b] = a;
        return permute(x, perm);
    }

    public static Tensor permute(Tensor x, int[] dims) {
        int r = x.dim();
        if (dims.length != r) throw new IllegalArgumentException("permute: " + dims.length + " dims given for a tensor of rank " + r);
        int[] s = x.shape(), st = x.strides();
        int[] ns = new int[r], nst = new int[r], inv = new int[r];
        boolean[] seen = new boolean[r];
        for (int i = 0; i < r; i++) {
            int d = Shape.dim(dims[i], r, "permute");
            if (seen[d]) throw new IllegalArgumentException("permute: dimension " + d + " repeated in " + java.util.Arrays.toString(dims));
            seen[d] = true;
            ns[i] = s[d]; nst[i] = st[d]; inv[d] = i;
        }
        Tensor out = new Tensor(x.storage(), ns, nst, x.offset());
        return Autograd.record("permute", out, g -> new Tensor[]{g.permute(inv)}, x);
    }

    public static Tensor narrow(Tensor x, int dim, int start, int length) {
        int r = x.dim();
        int d = Shape.dim(dim, r, "narrow");
        int[] s = x.shape(), st = x.strides();
        if (start < 0 || length < 0 || start + length > s[d])
            throw new IndexOutOfBoundsException("narrow: [" + start + ", " + (start + length) + ") is outside dimension " + d + " of size " + s[d]);
        int[] ns = s.clone();
        ns[d] = length;
        Tensor out = new Tensor(x.storage(), ns, st, x.offset() + start * st[d]);
        return Autograd.record("narrow", out, g -> {
            Tensor full = Tensor.empty(g.backend(), g.dtype(), s);
            g.backend().fill(full, 0);
            g.backend().copy(g, narrowRaw(full, d, start, length));
            return new Tensor[]{full};
        }, x);
    }

    /** A narrow view with no autograd (for kernels writing into slices). */
    public static Tensor narrowRaw(Tensor x, int d, int start, int length) {
        int[] ns = x.shape();
        ns[d] = length;
        return new Tensor(x.storage(), ns, x.strides(), x.offset() + start * x.strides()[d]);
    }

    public static Tensor expand(Tensor x, int[] req) {
        int[] s = x.shape(), st = x.strides();
        if (req.length < s.length) throw new IllegalArgumentException("expand: cannot expand shape " + Shape.str(s) + " to fewer dims " + Shape.str(req));
        int lead = req.length - s.length;
        int[] ns = new int[req.length], nst = new int[req.length];
        for (int i = 0; i < req.length; i++) {
            if (i < lead) {
                if (req[i] < 0) throw new IllegalArgumentException("expand: -1 not allowed for a new leading dim in " + Shape.str(req));
                ns[i] = req[i]; nst[i] = 0;
                continue;
            }
            int old = s[i - lead];
            int want = req[i] == -1 ? old : req[i];
            if (want == old) { ns[i] = old; nst[i] = st[i - lead]; }
            else if (old == 1) { ns[i] = want; nst[i] = 0; }
            else throw new IllegalArgumentException("expand: cannot expand shape " + Shape.str(s) + " to " + Shape.str(req));
        }
        if (Shape.equal(ns, s)) return x;
        Tensor out = new Tensor(x.storage(), ns, nst, x.offset());
        return Autograd.record("expand", out, g -> new Tensor[]{g.sumTo(s)}, x);
    }

    public static Tensor squeeze(Tensor x, int dim) {
        int r = x.dim();
        int d = Shape.dim(dim, r, "squeeze");
        int[] s = x.shape();
        if (s[d] != 1) return x;
        int[] ns = new int[r - 1];
        for (int i = 0, k = 0; i < r; i++) if (i != d) ns[k++] = s[i];
        return x.reshape(ns);
    }

    public static Tensor unsqueeze(Tensor x, int dim) {
        int r = x.dim();
        int d = dim < 0 ? dim + r + 1 : dim;
        if (d < 0 || d > r) throw new IllegalArgumentException("unsqueeze: dimension " + dim + " out of range for rank " + r);
        int[] s = x.shape();
        int[] ns = new int[r + 1];
        for (int i = 0, k = 0; i <= r; i++) ns[i] = i == d ? 1 : s[k++];
        return x.reshape(ns);
    }

    /** A contiguous copy (differentiable: the gradient passes through). */
    public static Tensor copy(Tensor x) {
        Tensor out = Tensor.empty(x.backend(), x.dtype(), x.shape());
        x.backend().copy(x, out);
        return Autograd.record("copy", out, g -> new Tensor[]{g}, x);
    }
}
