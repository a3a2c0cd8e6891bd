package dev.segue.core.cpu;

import dev.segue.core.Backend;
import dev.segue.core.DType;
import dev.segue.core.Shape;
import dev.segue.core.Storage;
import dev.segue.core.Tensor;

/**
 * The CPU backend: Java arrays, kernels parallel over {@link Parallel}'s fixed pool. Work is split at
 * boundaries that do not depend on the thread count, so results are bit-identical for any count.
 * The kernels live in one class per family; this class owns memory and dispatch.
 */
public final class CpuBackend implements Backend {

    @Override public String name() { return "cpu"; }

    static CpuStorage st(Tensor t) {
        Storage s = t.storage();
        if (!(s instanceof CpuStorage)) throw new IllegalArgumentException("tensor lives on backend '" + s.backend().name() + "', not cpu");
        return (CpuStorage) s;
    }

    @Override public Storage allocate(DType dtype, int size) { return new CpuStorage(this, dtype, size); }

    @Override public Storage fromArray(Object javaArray) {
        Object copy;
        if (javaArray instanceof float[]) copy = ((float[]) javaArray).clone();
        else if (javaArray instanceof double[]) copy = ((double[]) javaArray).clone();
        else if (javaArray instanceof int[]) copy = ((int[]) javaArray).clone();
        else if (javaArray instanceof long[]) copy = ((long[]) javaArray).clone();
        else throw new IllegalArgumentException("fromArray takes float[], double[], int[] or long[]");
        return new CpuStorage(this, copy);
    }

    @Override public Object toArray(Tensor t) {
        CpuStorage s = st(t);
        int n = t.numel();
        if (t.isContiguous()) {
            int o = t.offset();
            switch (s.dtype) {
                case F32: return java.util.Arrays.copyOfRange(s.f, o, o + n);
                case F64: return java.util.Arrays.copyOfRange(s.d, o, o + n);
                case I32: return java.util.Arrays.copyOfRange(s.i, o, o + n);
                default: return java.util.Arrays.copyOfRange(s.l, o, o + n);
            }
        }
        Tensor dst = Tensor.empty(this, t.dtype(), t.shape());
        copy(t, dst);
        return toArray(dst);
    }

    @Override public void copy(Tensor src, Tensor dst) {
        checkSameShape("copy", src, dst);
        ElementwiseKernels.copy(src, dst);
    }

    @Override public void fill(Tensor dst, double value) { ElementwiseKernels.fill(dst, value); }

    @Override public void unary(Unary op, double p1, double p2, Tensor x, Tensor out) {
        checkSameShape(op.name().toLowerCase(), x, out);
        ElementwiseKernels.unary(op, p1, p2, x, out);
    }

    @Override public void unaryBackward(Unary op, double p1, double p2, Tensor x, Tensor y, Tensor gy, Tensor gx) {
        ElementwiseKernels.unaryBackward(op, p1, p2, x, y, gy, gx);
    }

    @Override public void binary(Binary op, Tensor a, Tensor b, Tensor out) {
        checkSameShape(op.name().toLowerCase(), a, out);
        checkSameShape(op.name().toLowerCase(), b, out);
        ElementwiseKernels.binary(op, a, b, out);
    }

    @Override public void where(Tensor cond, Tensor a, Tensor b, Tensor out) { ElementwiseKernels.where(cond, a, b, out); }

    @Override public void reduce(Reduce op, Tensor x, int[] dims, Tensor out) { ReduceKernels.reduce(op, x, dims, out); }

    @Override public void argReduce(boolean max, Tensor x, int dim, Tensor out) { ReduceKernels.argReduce(max, x, dim, out); }

    @Override public void matmul(Tensor a, Tensor b, Tensor c, double alpha, double beta) { MatmulKernels.matmul(a, b, c, alpha, beta); }

    @Override public void softmax(Tensor x, int dim, boolean log, Tensor out) { SoftmaxKernels.forward(x, dim, log, out); }

    @Override public void softmaxBackward(Tensor y, Tensor gy, int dim, boolean log, Tensor gx) { SoftmaxKernels.backward(y, gy, dim, log, gx); }

    @Override public void layerNorm(Tensor x, Tensor weight, Tensor bias, double eps, Tensor out, Tensor mean, Tensor rstd) {
        LayerNormKernels.forward(x, weight, bias, eps, out, mean, rstd);
    }

    @Override public void layerNormBackward(Tensor x, Tensor weight, Tensor mean, Tensor rstd, Tensor gy, Tensor gx, Tensor gw, Tensor gb) {
        LayerNormKernels.backward(x, weight, mean, rstd, gy, gx, gw, gb);
    }

    @Override public void dropoutMask(Tensor out, double p, long seed) { ElementwiseKernels.dropoutMask(out, p, seed); }
    @Override public void dropout(Tensor x, Tensor out, double p, long seed) { ElementwiseKernels.dropout(x, out, p, seed); }
    @Override public void gatherDot(Tensor table, Tensor ids, Tensor h, Tensor out) { IndexKernels.gatherDot(table, ids, h, out); }
    @Override public double sumOfSquares(Tensor x) { return ReduceKernels.sumOfSquares(x); }
    @Override public void indexSelect(Tensor src, int dim, Tensor index, Tensor out) { IndexKernels.indexSelect(src, dim, index, out); }

    @Override public void indexAdd(Tensor dst, int dim, Tensor index, Tensor src) { IndexKernels.indexAdd(dst, dim, index, src); }

    @Override public void gather(Tensor src, int dim, Tensor index, Tensor out) { IndexKernels.gather(src, dim, index, out); }

    @Override public void scatterAdd(Tensor dst, int dim, Tensor index, Tensor src) { IndexKernels.scatterAdd(dst, dim, index, src); }

    @Override public void crossEntropy(Tensor logits, Tensor target, long ignoreIndex, double ls, Tensor loss, Tensor lse) {
        LossKernels.crossEntropy(logits, target, ignoreIndex, ls, loss, lse);
    }

    @Override public void crossEntropyBackward(Tensor logits, Tensor target, long ignoreIndex, double ls, Tensor lse, Tensor gLoss, Tensor gLogits) {
        LossKernels.crossEntropyBackward(logits, target, ignoreIndex, ls, lse, gLoss, gLogits);
    }

    @Override public void topk(Tensor x, int k, boolean largest, Tensor values, Tensor indices) { TopKKernels.topk(x, k, largest, values, indices); }

    @Override public void attention(Tensor q, Tensor k, Tensor v, boolean causal, Tensor keyPadding, double scale,
                                    double dropout, long seed, Tensor out, Tensor lse) {
        AttentionKernels.forward(q, k, v, causal, keyPadding, scale, AttentionKernels.Drop.of(dropout, seed), out, lse);
    }

    @Override public void attentionBackward(Tensor q, Tensor k, Tensor v, Tensor out, Tensor lse, Tensor gOut, boolean causal,
                                            Tensor keyPadding, double scale, double dropout, long seed, Tensor gq, Tensor gk, Tensor gv) {
        AttentionKernels.backward(q, k, v, out, lse, gOut, causal, keyPadding, scale, AttentionKernels.Drop.of(dropout, seed), gq, gk, gv);
    }

    @Override public void updateInPlace(Tensor param, Tensor grad, Tensor[] state, RangeUpdate update) {
        int n = param.numel();
        for (Tensor t : concat(param, grad, state))
            if (t.numel() != n || !t.isContiguous() || t.dtype() != DType.F32)
                throw new IllegalArgumentException("updateInPlace: tensors must be contiguous float32 of " + n + " elements, got "
                        + t.dtype() + Shape.str(t.shape()) + (t.isContiguous() ? "" : " (not contiguous)"));
        float[] p = st(param).f, g = st(grad).f;
        float[][] s = new float[state.length][];
        int[] so = new int[state.length];
        for (int k = 0; k < state.length; k++) { s[k] = st(state[k]).f; so[k] = state[k].offset(); }
        int po = param.offset(), go = grad.offset();
        Parallel.forRange(n, 1 << 15, (from, to) -> update.apply(p, po, g, go, s, so, from, to));
    }

    private static Tensor[] concat(Tensor a, Tensor b, Tensor[] rest) {
        Tensor[] all = new Tensor[rest.length + 2];
        all[0] = a;
        all[1] = b;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    static void checkSameShape(String op, Tensor a, Tensor b) {
        if (!Shape.equal(a.shape(), b.shape()))
            throw new IllegalArgumentException(op + ": shapes " + Shape.str(a.shape()) + " and " + Shape.str(b.shape()) + " differ");
    }
}
