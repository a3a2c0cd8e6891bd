package dev.segue.core;

import dev.segue.core.autograd.Autograd;
import dev.segue.core.autograd.Node;
import dev.segue.core.ops.Elementwise;
import dev.segue.core.ops.Indexing;
import dev.segue.core.ops.Joining;
import dev.segue.core.ops.Linalg;
import dev.segue.core.ops.Losses;
import dev.segue.core.ops.Normalization;
import dev.segue.core.ops.Reductions;
import dev.segue.core.ops.Selection;
import dev.segue.core.ops.Views;

import java.util.Arrays;

/**
 * An n-dimensional array: a view (shape, strides, offset) onto a backend-owned {@link Storage}, plus
 * the autograd state (requiresGrad, grad, the node that produced it). float32 by default; float64 for
 * gradient checks; int32/int64 for indices. Views (reshape, transpose, narrow, expand, …) share storage.
 * Every differentiable op is defined once in {@code dev.segue.core.ops} with its backward beside it;
 * the methods here are the public surface.
 */
public final class Tensor {
    private final Storage storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;

    private boolean requiresGrad;
    private boolean retainGrad;
    private Tensor grad;
    private Node gradFn;

    /** A view onto a storage. Public for backends and op code; user code uses the factories below. */
    public Tensor(Storage storage, int[] shape, int[] strides, int offset) {
        if (shape.length != strides.length) throw new IllegalArgumentException("shape " + Shape.str(shape) + " and strides " + Arrays.toString(strides) + " differ in rank");
        this.storage = storage;
        this.shape = shape.clone();
        this.strides = strides.clone();
        this.offset = offset;
    }

    // ================================================================ creation

    public static Tensor empty(Backend be, DType dtype, int... shape) {
        return new Tensor(be.allocate(dtype, Shape.numel(shape)), shape, Shape.contiguousStrides(shape), 0);
    }

    public static Tensor empty(DType dtype, int... shape) { return empty(Backend.cpu(), dtype, shape); }

    public static Tensor zeros(int... shape) { return empty(DType.F32, shape); }

    public static Tensor zeros(DType dtype, int... shape) { return empty(dtype, shape); }

    public static Tensor ones(int... shape) { return full(1.0, shape); }

    public static Tensor full(double value, int... shape) { return full(DType.F32, value, shape); }

    public static Tensor full(DType dtype, double value, int... shape) {
        Tensor t = empty(dtype, shape);
        t.backend().fill(t, value);
        return t;
    }

    public static Tensor scalar(double value) { return full(value); }

    public static Tensor of(float[] data, int... shape) { return fromArray(data, data.length, shape); }

    public static Tensor of(double[] data, int... shape) { return fromArray(data, data.length, shape); }

    public static Tensor ofLongs(long[] data, int... shape) { return fromArray(data, data.length, shape); }

    public static Tensor ofInts(int[] data, int... shape) { return fromArray(data, data.length, shape); }

    private static Tensor fromArray(Object data, int n, int[] shape) {
        if (shape.length == 0 && n != 1) shape = new int[]{n};
        if (Shape.numel(shape) != n) throw new IllegalArgumentException("an array of " + n + " values cannot have shape " + Shape.str(shape));
        return new Tensor(Backend.cpu().fromArray(data), shape, Shape.contiguousStrides(shape), 0);
    }

    /** 0, 1, …, n-1 as int64 (like torch.arange with an integer bound). */
    public static Tensor arange(int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return ofLongs(v, n);
    }

    /** start, start+step, … below end, as float32. */
    public static Tensor arange(double start, double end, double step) {
        int n = (int) Math.max(0, Math.ceil((end - start) / step));
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (start + i * step);
        return of(v, n);
    }

    /** Standard normal float32 values drawn from {@code rng} in row-major order. */
    public static Tensor randn(Rng rng, int... shape) {
        float[] v = new float[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) v[i] = (float) rng.nextGaussian();
        return of(v, shape);
    }

    /** Uniform [0, 1) float32 values drawn from {@code rng}. */
    public static Tensor rand(Rng rng, int... shape) {
        float[] v = new float[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) v[i] = rng.nextFloat();
        return of(v, shape);
    }

    /** Uniform integers in [low, high) as int64. */
    public static Tensor randint(Rng rng, int low, int high, int... shape) {
        long[] v = new long[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) v[i] = low + rng.nextInt(high - low);
        return ofLongs(v, shape);
    }

    /** A copy on another backend (this tensor if it already lives there). */
    public Tensor to(Backend be) {
        if (be == backend()) return this;
        Object arr = backend().toArray(this);
        return new Tensor(be.fromArray(arr), shape, Shape.contiguousStrides(shape), 0);
    }

    /** A copy converted to another dtype (this tensor if it already has it). Differentiable between float types. */
    public Tensor to(DType dtype) { return Elementwise.cast(this, dtype); }

    // ================================================================ accessors

    public Storage storage() { return storage; }
    public Backend backend() { return storage.backend(); }
    public DType dtype() { return storage.dtype(); }
    public int[] shape() { return shape.clone(); }
    public int[] strides() { return strides.clone(); }
    public int offset() { return offset; }
    public int dim() { return shape.length; }
    public int size(int d) { return shape[Shape.dim(d, shape.length, "size")]; }
    public int stride(int d) { return strides[Shape.dim(d, shape.length, "stride")]; }
    public int numel() { return Shape.numel(shape); }

    public boolean isContiguous() {
        int expect = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expect) return false;
            expect *= shape[i];
        }
        return true;
    }

    // ================================================================ data out

    public float[] toFloatArray() {
        Object a = backend().toArray(this);
        if (a instanceof float[]) return (float[]) a;
        double[] d = toDoubleArray();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    public double[] toDoubleArray() {
        Object a = backend().toArray(this);
        if (a instanceof double[]) return (double[]) a;
        if (a instanceof float[]) { float[] f = (float[]) a; double[] d = new double[f.length]; for (int i = 0; i < f.length; i++) d[i] = f[i]; return d; }
        if (a instanceof long[]) { long[] l = (long[]) a; double[] d = new double[l.length]; for (int i = 0; i < l.length; i++) d[i] = l[i]; return d; }
        int[] n = (int[]) a;
        double[] d = new double[n.length];
        for (int i = 0; i < n.length; i++) d[i] = n[i];
        return d;
    }

    public long[] toLongArray() {
        Object a = backend().toArray(this);
        if (a instanceof long[]) return (long[]) a;
        if (a instanceof int[]) { int[] n = (int[]) a; long[] l = new long[n.length]; for (int i = 0; i < n.length; i++) l[i] = n[i]; return l; }
        double[] d = toDoubleArray();
        long[] l = new long[d.length];
        for (int i = 0; i < d.length; i++) l[i] = (long) d[i];
        return l;
    }

    /** The single value of a one-element tensor. */
    /** Σ x² over all elements, in double (not recorded by autograd): gradient norms without a copy. */
    public double sumOfSquares() {
        Tensor c = dtype() == DType.F32 ? contiguous() : to(DType.F32).contiguous();
        return backend().sumOfSquares(c);
    }

    public double item() {
        if (numel() != 1) throw new IllegalStateException("item(): tensor of shape " + Shape.str(shape) + " has " + numel() + " elements");
        return toDoubleArray()[0];
    }

    // ================================================================ autograd

    public boolean requiresGrad() { return requiresGrad; }

    /** Marks a leaf tensor as a parameter whose gradient is wanted. Returns this. */
    public Tensor requiresGrad(boolean on) {
        if (gradFn != null && !on) throw new IllegalStateException("requiresGrad(false) on a non-leaf tensor; use detach()");
        if (on && !dtype().isFloating()) throw new IllegalArgumentException("only floating tensors can require gradients, not " + dtype());
        requiresGrad = on;
        return this;
    }

    public Tensor grad() { return grad; }
    public void setGrad(Tensor g) { grad = g; }
    public void zeroGrad() { grad = null; }
    public Node gradFn() { return gradFn; }
    public boolean isLeaf() { return gradFn == null; }
    public boolean retainsGrad() { return retainGrad; }

    /** Keep the gradient of this non-leaf tensor after backward(). */
    public Tensor retainGrad() { retainGrad = true; return this; }

    /** Internal: called by {@link Autograd#record}. */
    public void attachGradFn(Node node) { gradFn = node; requiresGrad = true; }

    /** Internal: called by {@link Autograd#backward}. */
    public void accumulateGrad(Tensor g) {
        Tensor gg = g.dtype() == dtype() ? g : g.to(dtype());
        grad = grad == null ? gg : grad.add(gg);
    }

    /** The same data cut from the graph. */
    public Tensor detach() { return new Tensor(storage, shape, strides, offset); }

    /** backward() of a one-element tensor (seed gradient 1). */
    public void backward() {
        if (numel() != 1) throw new IllegalStateException("backward() without a gradient needs a one-element tensor, got shape " + Shape.str(shape));
        Autograd.backward(this, full(dtype(), 1.0, shape));
    }

    public void backward(Tensor gradient) { Autograd.backward(this, gradient); }

    // ================================================================ views (share storage)

    public Tensor view(int... newShape) { return Views.view(this, newShape); }
    /** A view when the strides allow it, else a contiguous copy. */
    public Tensor reshape(int... newShape) { return Views.reshape(this, newShape); }
    public Tensor transpose(int d0, int d1) { return Views.transpose(this, d0, d1); }
    /** The transpose of the last two dims. */
    public Tensor mT() { return transpose(-2, -1); }
    public Tensor permute(int... dims) { return Views.permute(this, dims); }
    public Tensor narrow(int dim, int start, int length) { return Views.narrow(this, dim, start, length); }
    /** Index {@code index} of dimension {@code dim}, removing that dimension. */
    public Tensor select(int dim, int index) { return narrow(dim, index, 1).squeeze(dim); }
    public Tensor expand(int... newShape) { return Views.expand(this, newShape); }
    public Tensor squeeze(int dim) { return Views.squeeze(this, dim); }
    public Tensor unsqueeze(int dim) { return Views.unsqueeze(this, dim); }
    public Tensor flatten() { return reshape(numel()); }
    public Tensor contiguous() { return isContiguous() ? this : Views.copy(this); }
    /** A fresh contiguous copy (differentiable). */
    public Tensor copy() { return Views.copy(this); }

    // ================================================================ elementwise

    public Tensor add(Tensor o) { return Elementwise.binary(Backend.Binary.ADD, this, o); }
    public Tensor sub(Tensor o) { return Elementwise.binary(Backend.Binary.SUB, this, o); }
    public Tensor mul(Tensor o) { return Elementwise.binary(Backend.Binary.MUL, this, o); }
    public Tensor div(Tensor o) { return Elementwise.binary(Backend.Binary.DIV, this, o); }
    public Tensor pow(Tensor o) { return Elementwise.binary(Backend.Binary.POW, this, o); }
    public Tensor maximum(Tensor o) { return Elementwise.binary(Backend.Binary.MAX, this, o); }
    public Tensor minimum(Tensor o) { return Elementwise.binary(Backend.Binary.MIN, this, o); }
    public Tensor add(double s) { return Elementwise.affine(this, 1, s); }
    public Tensor sub(double s) { return Elementwise.affine(this, 1, -s); }
    public Tensor mul(double s) { return Elementwise.affine(this, s, 0); }
    public Tensor div(double s) { return Elementwise.affine(this, 1 / s, 0); }
    public Tensor eq(Tensor o) { return Elementwise.compare(Backend.Binary.EQ, this, o); }
    public Tensor ne(Tensor o) { return Elementwise.compare(Backend.Binary.NE, this, o); }
    public Tensor lt(Tensor o) { return Elementwise.compare(Backend.Binary.LT, this, o); }
    public Tensor le(Tensor o) { return Elementwise.compare(Backend.Binary.LE, this, o); }
    public Tensor gt(Tensor o) { return Elementwise.compare(Backend.Binary.GT, this, o); }
    public Tensor ge(Tensor o) { return Elementwise.compare(Backend.Binary.GE, this, o); }

    public Tensor neg() { return Elementwise.unary(Backend.Unary.NEG, this); }
    public Tensor exp() { return Elementwise.unary(Backend.Unary.EXP, this); }
    public Tensor log() { return Elementwise.unary(Backend.Unary.LOG, this); }
    public Tensor sqrt() { return Elementwise.unary(Backend.Unary.SQRT, this); }
    public Tensor rsqrt() { return Elementwise.unary(Backend.Unary.RSQRT, this); }
    public Tensor abs() { return Elementwise.unary(Backend.Unary.ABS, this); }
    public Tensor square() { return Elementwise.unary(Backend.Unary.SQUARE, this); }
    public Tensor reciprocal() { return Elementwise.unary(Backend.Unary.RECIPROCAL, this); }
    public Tensor tanh() { return Elementwise.unary(Backend.Unary.TANH, this); }
    public Tensor sigmoid() { return Elementwise.unary(Backend.Unary.SIGMOID, this); }
    public Tensor relu() { return Elementwise.unary(Backend.Unary.RELU, this); }
    /** Exact GELU: x·Φ(x). */
    public Tensor gelu() { return Elementwise.unary(Backend.Unary.GELU, this); }
    /** The tanh approximation of GELU. */
    public Tensor geluTanh() { return Elementwise.unary(Backend.Unary.GELU_TANH, this); }
    public Tensor silu() { return Elementwise.unary(Backend.Unary.SILU, this); }
    /** log(1 + e^x) with PyTorch's threshold 20 (beta 1). */
    public Tensor softplus() { return Elementwise.unary(Backend.Unary.SOFTPLUS, this); }
    public Tensor logsigmoid() { return Elementwise.unary(Backend.Unary.LOGSIGMOID, this); }
    public Tensor erf() { return Elementwise.unary(Backend.Unary.ERF, this); }
    public Tensor pow(double p) { return Elementwise.unary(Backend.Unary.POW, p, 0, this); }
    public Tensor clamp(double min, double max) { return Elementwise.unary(Backend.Unary.CLAMP, min, max, this); }

    /** cond ? a : b with broadcasting (cond: any dtype, nonzero = true). */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) { return Elementwise.where(cond, a, b); }
    /** this where mask is 0, value where mask is nonzero. */
    public Tensor maskedFill(Tensor mask, double value) { return Elementwise.maskedFill(this, mask, value); }

    /** Inverted dropout: zero with probability p, scale the rest by 1/(1-p); identity when !training or p == 0. */
    public Tensor dropout(double p, boolean training, Rng rng) { return Elementwise.dropout(this, p, training, rng); }

    // ================================================================ reductions

    public Tensor sum() { return Reductions.sum(this, null, false); }
    public Tensor sum(int dim, boolean keepdim) { return Reductions.sum(this, new int[]{dim}, keepdim); }
    public Tensor sum(int[] dims, boolean keepdim) { return Reductions.sum(this, dims, keepdim); }
    public Tensor mean() { return Reductions.mean(this, null, false); }
    public Tensor mean(int dim, boolean keepdim) { return Reductions.mean(this, new int[]{dim}, keepdim); }
    public Tensor mean(int[] dims, boolean keepdim) { return Reductions.mean(this, dims, keepdim); }
    /** Max over all elements. */
    public Tensor max() { return Reductions.amax(this, null, false); }
    public Tensor amax(int[] dims, boolean keepdim) { return Reductions.amax(this, dims, keepdim); }
    public Tensor amin(int[] dims, boolean keepdim) { return Reductions.amin(this, dims, keepdim); }
    /** Values and (I64) indices of the max along dim. */
    public Tensor[] max(int dim, boolean keepdim) { return Reductions.maxDim(this, dim, keepdim, true); }
    public Tensor[] min(int dim, boolean keepdim) { return Reductions.maxDim(this, dim, keepdim, false); }
    public Tensor argmax() { return Reductions.argmax(this, null, false); }
    public Tensor argmax(int dim, boolean keepdim) { return Reductions.argmax(this, dim, keepdim); }
    public Tensor var(int[] dims, boolean unbiased, boolean keepdim) { return Reductions.var(this, dims, unbiased, keepdim); }
    public Tensor logsumexp(int dim, boolean keepdim) { return Reductions.logsumexp(this, dim, keepdim); }
    /** Sums broadcast dims away so the result has {@code target} shape (the backward of broadcasting). */
    public Tensor sumTo(int[] target) { return Reductions.sumTo(this, target); }

    // ================================================================ linear algebra, normalisation

    /** Matrix product with NumPy semantics (1-D operands, batch broadcasting). */
    public Tensor matmul(Tensor o) { return Linalg.matmul(this, o); }
    public Tensor softmax(int dim) { return Normalization.softmax(this, dim, false); }
    public Tensor logSoftmax(int dim) { return Normalization.softmax(this, dim, true); }
    /** Layer norm over the last {@code normalizedDims} dims; weight/bias may be null. */
    public Tensor layerNorm(int normalizedDims, Tensor weight, Tensor bias, double eps) {
        return Normalization.layerNorm(this, normalizedDims, weight, bias, eps);
    }

    // ================================================================ indexing, joining, selection

    public Tensor indexSelect(int dim, Tensor index) { return Indexing.indexSelect(this, dim, index); }
    /** this [V, d] as a table: out[b, j] = ⟨this[ids[b, j]], h[b]⟩, [B, N]; no gradient. */
    public Tensor gatherDot(Tensor ids, Tensor h) { return Indexing.gatherDot(this, ids, h); }
    public Tensor gather(int dim, Tensor index) { return Indexing.gather(this, dim, index); }
    /** Out-of-place scatter_add: this + scatter of src at index along dim. */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) { return Indexing.scatterAdd(this, dim, index, src); }
    /** Rows of this [V, D] table at ids of any shape → [..., D]; the padding id's row gets no gradient (-1: none). */
    public Tensor embedding(Tensor ids, int paddingIdx) { return Indexing.embedding(this, ids, paddingIdx); }
    public static Tensor cat(int dim, Tensor... ts) { return Joining.cat(dim, ts); }
    public static Tensor stack(int dim, Tensor... ts) { return Joining.stack(dim, ts); }
    public Tensor[] split(int size, int dim) { return Joining.split(this, size, dim); }
    public Tensor[] chunk(int chunks, int dim) { return Joining.chunk(this, chunks, dim); }
    /** Values and I64 indices of the k largest (or smallest) along the last dim; ties by lower index. */
    public Tensor[] topk(int k, boolean largest) { return Selection.topk(this, k, largest); }

    // ================================================================ losses

    /** Cross-entropy of logits [N, C] (or [N, C, d…], class dim 1) against I64 targets. reduction: mean|sum|none. */
    public Tensor crossEntropy(Tensor target, long ignoreIndex, double labelSmoothing, String reduction) {
        return Losses.crossEntropy(this, target, ignoreIndex, labelSmoothing, reduction);
    }

    // ================================================================ printing

    /** Up to 5 significant digits without trailing zeros: 0, 1.5, -0.33333, 1.2346e+08. */
    private static String shortNumber(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        String s = String.format(java.util.Locale.ROOT, "%.5g", v);
        int e = s.indexOf('e');
        String mant = e < 0 ? s : s.substring(0, e), exp = e < 0 ? "" : s.substring(e);
        if (mant.contains(".")) mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
        return mant + exp;
    }

    @Override public String toString() {
        StringBuilder b = new StringBuilder("Tensor(").append(dtype()).append(Shape.str(shape));
        if (requiresGrad) b.append(", requiresGrad");
        if (gradFn != null) b.append(", gradFn=").append(gradFn.op());
        b.append(", [");
        int n = numel();
        int show = Math.min(n, 8);
        if (show > 0) try (dev.segue.core.autograd.Grad g = dev.segue.core.autograd.Grad.off()) {
            Tensor flat = reshape(n).narrow(0, 0, show);
            if (dtype().isFloating()) {
                double[] v = flat.toDoubleArray();
                for (int i = 0; i < show; i++) b.append(i == 0 ? "" : ", ").append(shortNumber(v[i]));
            } else {
                long[] v = flat.toLongArray();
                for (int i = 0; i < show; i++) b.append(i == 0 ? "" : ", ").append(v[i]);
            }
        }
        if (n > show) b.append(", … (").append(n).append(" values)");
        return b.append("])").toString();
    }
}
