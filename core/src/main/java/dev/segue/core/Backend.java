package dev.segue.core;

import java.util.ServiceLoader;

/**
 * The primitives every backend implements (the CPU one in {@code dev.segue.core.cpu}, CUDA in the
 * {@code cuda-kernels} module). Op definitions in {@code dev.segue.core.ops} are written once against
 * this interface, so the same forward/backward code runs on any backend.
 *
 * <p>Conventions: "out" tensors are freshly allocated contiguous tensors of the right shape and dtype
 * unless stated otherwise; inputs may be arbitrary strided views (expanded dims have stride 0).
 */
public interface Backend {

    String name();

    // ---------------------------------------------------------------- memory
    Storage allocate(DType dtype, int size);
    /** A storage holding a copy of a Java array: float[], double[], int[] or long[]. */
    Storage fromArray(Object javaArray);
    /** A contiguous copy of the tensor's elements as a Java array of its dtype (float[], double[], int[], long[]). */
    Object toArray(Tensor t);
    /** dst[...] = src[...] elementwise (same shape, any strides, dtype converted). */
    void copy(Tensor src, Tensor dst);
    void fill(Tensor dst, double value);

    // ---------------------------------------------------------------- elementwise
    enum Unary { NEG, EXP, LOG, SQRT, RSQRT, ABS, SIGN, TANH, SIGMOID, RELU, GELU, GELU_TANH, SILU, SOFTPLUS, LOGSIGMOID,
        /** x^p1 */ POW, /** min(max(x, p1), p2) */ CLAMP, /** p1*x + p2 */ AFFINE, SQUARE, RECIPROCAL, ERF }
    /** out = f(x); p1/p2 are the op's scalar parameters. */
    void unary(Unary op, double p1, double p2, Tensor x, Tensor out);
    /** gx = gy * f'(x) (y = f(x) is passed for ops whose derivative is cheaper from the output). */
    void unaryBackward(Unary op, double p1, double p2, Tensor x, Tensor y, Tensor gy, Tensor gx);

    enum Binary { ADD, SUB, MUL, DIV, POW, MAX, MIN, EQ, NE, LT, LE, GT, GE }
    /** out = a op b; a and b already have out's shape (broadcast views). Comparisons give 1/0. */
    void binary(Binary op, Tensor a, Tensor b, Tensor out);
    /**
     * A dropout mask: out[i] = u_i &lt; p ? 0 : 1/(1 − p) for contiguous float32 out, where u_i = b_i·2^−24 and
     * b_i, a function of (seed, i) only, is the top 24 bits of h(h(i + lo) ^ hi) with h Wellons' lowbias32
     * integer hash and lo, hi the two 32-bit halves of the seed — so any backend and any thread count give
     * the same mask, made in parallel and in SIMD lanes.
     */
    void dropoutMask(Tensor out, double p, long seed);
    /** out = x · (the mask {@link #dropoutMask} would write) for contiguous float32 x, out of one size; no mask is stored. */
    void dropout(Tensor x, Tensor out, double p, long seed);
    /** out = cond != 0 ? a : b; all three already have out's shape. */
    void where(Tensor cond, Tensor a, Tensor b, Tensor out);

    // ---------------------------------------------------------------- reductions
    enum Reduce { SUM, MAX, MIN }
    /** out (keepdim shape) = reduction of x over dims; sums accumulate in double. */
    void reduce(Reduce op, Tensor x, int[] dims, Tensor out);
    /** out (I64, keepdim shape along dim) = index of the first max (or min) along dim. */
    void argReduce(boolean max, Tensor x, int dim, Tensor out);
    /** Σ x² over all elements of a float32 tensor, accumulated in double in an order fixed by the size (gradient norms). */
    double sumOfSquares(Tensor x);

    // ---------------------------------------------------------------- linear algebra
    /**
     * c[b] = alpha * a[b] · b[b] + beta * c[b] for 3-D views a [B, M, K], b [B, K, N], c [B, M, N]. Batch
     * strides may be 0 (broadcast); inner dims may be row-major or transposed views.
     */
    void matmul(Tensor a, Tensor b, Tensor c, double alpha, double beta);

    // ---------------------------------------------------------------- normalisation
    /** x contiguous [outer, n, inner]: out = softmax (or log-softmax) along the middle axis. */
    void softmax(Tensor x, int dim, boolean log, Tensor out);
    /** gx from y = softmax/log-softmax(x) and gy. */
    void softmaxBackward(Tensor y, Tensor gy, int dim, boolean log, Tensor gx);
    /** x contiguous [rows, n]; weight/bias [n] or null; out [rows, n]; mean, rstd [rows]. */
    void layerNorm(Tensor x, Tensor weight, Tensor bias, double eps, Tensor out, Tensor mean, Tensor rstd);
    /** gx [rows, n]; gw, gb [n] (null when not wanted). */
    void layerNormBackward(Tensor x, Tensor weight, Tensor mean, Tensor rstd, Tensor gy, Tensor gx, Tensor gw, Tensor gb);

    // ---------------------------------------------------------------- indexing
    /** out = src.index_select(dim, index); index 1-D I64/I32; bounds checked. */
    void indexSelect(Tensor src, int dim, Tensor index, Tensor out);
    /** dst.index_add_(dim, index, src): dst contiguous, accumulates. */
    void indexAdd(Tensor dst, int dim, Tensor index, Tensor src);
    /**
     * Sampled scores: out[b, j] = ⟨table[ids[b, j]], h[b]⟩ for table [V, d], ids [B, N] (I64/I32,
     * bounds-checked), h [B, d], out [B, N] — without materialising the [B, N, d] rows.
     */
    void gatherDot(Tensor table, Tensor ids, Tensor h, Tensor out);
    /** out = src.gather(dim, index). */
    void gather(Tensor src, int dim, Tensor index, Tensor out);
    /** dst.scatter_add_(dim, index, src): dst contiguous, accumulates. */
    void scatterAdd(Tensor dst, int dim, Tensor index, Tensor src);

    // ---------------------------------------------------------------- fused losses
    /**
     * logits contiguous [N, C], target [N] (I64/I32). loss [N] per row (0 where ignored) with label
     * smoothing eps: (1-eps)*(lse - x_t) + eps/C * sum_c (lse - x_c); lse [N] saved for backward.
     */
    void crossEntropy(Tensor logits, Tensor target, long ignoreIndex, double labelSmoothing, Tensor loss, Tensor lse);
    /** gLogits [N, C] from gLoss [N] (per-row upstream gradient). */
    void crossEntropyBackward(Tensor logits, Tensor target, long ignoreIndex, double labelSmoothing, Tensor lse, Tensor gLoss, Tensor gLogits);

    // ---------------------------------------------------------------- selection
    /** Top-k along the last dim of a contiguous x [rows, n]: values and I64 indices [rows, k]; ties by lower index. */
    void topk(Tensor x, int k, boolean largest, Tensor values, Tensor indices);

    // ---------------------------------------------------------------- fused attention
    /**
     * Fused scaled-dot-product attention on contiguous float32 q [B, H, Tq, D], k [B, H, Tk, D],
     * v [B, H, Tk, Dv]; out [B, H, Tq, Dv] and the row log-sum-exp lse [B, H, Tq] (for the backward).
     * keyPadding [B, Tk] (nonzero = masked) or null; causal masks key j > i + Tk − Tq. With dropout p &gt; 0
     * the probabilities that multiply v are those times the {@link #dropoutMask} of (p, seed) over the
     * [B, H, Tq, Tk] probability tensor (the normaliser still sums all of them), so the result equals
     * softmax(…).dropout(p) · v of the composite ops with the same seed — without storing the mask.
     */
    void attention(Tensor q, Tensor k, Tensor v, boolean causal, Tensor keyPadding, double scale, double dropout, long seed,
                   Tensor out, Tensor lse);
    /** Gradients gq, gk, gv (fresh, same shapes as q, k, v) from gOut; dropout and seed as in the forward. */
    void attentionBackward(Tensor q, Tensor k, Tensor v, Tensor out, Tensor lse, Tensor gOut, boolean causal, Tensor keyPadding,
                           double scale, double dropout, long seed, Tensor gq, Tensor gk, Tensor gv);

    // ---------------------------------------------------------------- fused in-place updates
    /**
     * An elementwise update over float32 ranges that share one index space: element i of the parameter
     * is {@code p[pOff + i]}, of the gradient {@code g[gOff + i]}, of state buffer k {@code state[k][stateOff[k] + i]};
     * the update covers i in [from, to).
     */
    @FunctionalInterface
    interface RangeUpdate {
        void apply(float[] p, int pOff, float[] g, int gOff, float[][] state, int[] stateOff, int from, int to);
    }

    /**
     * Runs {@code update} over every element of a contiguous float32 parameter in place, with its
     * gradient and state tensors (same shape, contiguous float32): one sweep over memory, split into
     * fixed chunks (deterministic for any thread count). Optimizers use it for their fused steps.
     */
    void updateInPlace(Tensor param, Tensor grad, Tensor[] state, RangeUpdate update);

    // ---------------------------------------------------------------- discovery

    /** The CPU backend. */
    static Backend cpu() { return Holder.CPU; }

    /** A backend by name ("cpu", "cuda", …) found through {@link ServiceLoader}. */
    static Backend byName(String name) {
        if (name.equals("cpu")) return cpu();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class))
            if (p.name().equals(name)) return p.create();
        throw new IllegalArgumentException("no backend named '" + name + "' (is its module on the class path?)");
    }

    /** Lazily created singletons. */
    final class Holder {
        private Holder() {}
        static final Backend CPU = new dev.segue.core.cpu.CpuBackend();
    }
}
