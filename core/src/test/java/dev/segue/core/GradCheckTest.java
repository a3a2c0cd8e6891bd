package dev.segue.core;

import dev.segue.core.autograd.GradCheck;
import dev.segue.core.ops.Attention;
import dev.segue.core.ops.Losses;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every differentiable op: analytic backward vs central finite differences in float64, on shapes that
 * include 1, 3, 17 and 129 (edges of tiles and vector lanes).
 */
class GradCheckTest {
    static final double TOL = 1e-6;

    static Tensor rnd(Rng r, int... shape) { return Tensor.randn(r, shape).to(DType.F64); }

    /** Positive values away from 0 (for log, sqrt, pow, div). */
    static Tensor pos(Rng r, int... shape) { return Tensor.rand(r, shape).to(DType.F64).mul(1.5).add(0.5); }

    static void ok(String what, Function<Tensor[], Tensor> f, Tensor... in) {
        GradCheck.Result res = GradCheck.check(f, 7, in);
        assertTrue(res.maxError() < TOL, what + ": " + res);
    }

    @ParameterizedTest @ValueSource(ints = {1, 3, 17, 129})
    void elementwiseBinaryWithBroadcasting(int n) {
        Rng r = new Rng(n);
        ok("add", x -> x[0].add(x[1]), rnd(r, 3, 1, n), rnd(r, 2, n));
        ok("sub", x -> x[0].sub(x[1]), rnd(r, 3, n), rnd(r, n));
        ok("mul", x -> x[0].mul(x[1]), rnd(r, 2, 1, n), rnd(r, 3, 1));
        ok("div", x -> x[0].div(x[1]), rnd(r, 3, n), pos(r, 1, n));
        ok("pow", x -> x[0].pow(x[1]), pos(r, 2, n), rnd(r, n));
        ok("maximum", x -> x[0].maximum(x[1]), rnd(r, 2, n), rnd(r, 2, n));
        ok("minimum", x -> x[0].minimum(x[1]), rnd(r, 2, n), rnd(r, 1, n));
        ok("scalar affine", x -> x[0].mul(2.5).add(1.0).sub(0.25).div(3.0), rnd(r, 2, n));
    }

    @ParameterizedTest @ValueSource(ints = {1, 3, 17, 129})
    void unaryOps(int n) {
        Rng r = new Rng(100 + n);
        Tensor x = rnd(r, 2, n).mul(2.0), p = pos(r, 2, n);
        ok("neg", t -> t[0].neg(), x);
        ok("exp", t -> t[0].exp(), x);
        ok("log", t -> t[0].log(), p);
        ok("sqrt", t -> t[0].sqrt(), p);
        ok("rsqrt", t -> t[0].rsqrt(), p);
        ok("abs", t -> t[0].abs(), x);
        ok("square", t -> t[0].square(), x);
        ok("reciprocal", t -> t[0].reciprocal(), p);
        ok("tanh", t -> t[0].tanh(), x);
        ok("sigmoid", t -> t[0].sigmoid(), x);
        ok("relu", t -> t[0].relu(), x);
        ok("gelu", t -> t[0].gelu(), x);
        ok("gelu_tanh", t -> t[0].geluTanh(), x);
        ok("silu", t -> t[0].silu(), x);
        ok("softplus", t -> t[0].softplus(), x);
        ok("logsigmoid", t -> t[0].logsigmoid(), x);
        ok("erf", t -> t[0].erf(), x);
        ok("pow 2.5", t -> t[0].pow(2.5), p);
        ok("pow -1.5", t -> t[0].pow(-1.5), p);
        ok("clamp", t -> t[0].clamp(-0.5, 0.7), x);
    }

    @ParameterizedTest @ValueSource(ints = {1, 3, 17, 129})
    void reductions(int n) {
        Rng r = new Rng(200 + n);
        Tensor x = rnd(r, 3, n, 2);
        ok("sum all", t -> t[0].sum(), x);
        ok("sum dim1", t -> t[0].sum(1, false), x);
        ok("sum dims02 keep", t -> t[0].sum(new int[]{0, 2}, true), x);
        ok("mean", t -> t[0].mean(new int[]{1}, true), x);
        ok("amax", t -> t[0].amax(new int[]{1}, false), x);
        ok("amin", t -> t[0].amin(new int[]{0, 1}, true), x);
        ok("max dim", t -> t[0].max(1, false)[0], x);
        ok("min dim", t -> t[0].min(-1, true)[0], x);
        if (n > 1) ok("var unbiased", t -> t[0].var(new int[]{1}, true, false), x);
        ok("var biased", t -> t[0].var(new int[]{0, 2}, false, true), x);
        ok("logsumexp", t -> t[0].logsumexp(1, false), x);
    }

    @ParameterizedTest @ValueSource(ints = {1, 3, 17, 129})
    void matmulAllLayouts(int n) {
        Rng r = new Rng(300 + n);
        ok("2d", t -> t[0].matmul(t[1]), rnd(r, 3, n), rnd(r, n, 2));
        ok("transposed a", t -> t[0].mT().matmul(t[1]), rnd(r, n, 3), rnd(r, n, 2));
        ok("transposed b", t -> t[0].matmul(t[1].mT()), rnd(r, 2, n), rnd(r, 3, n));
        ok("batched broadcast", t -> t[0].matmul(t[1]), rnd(r, 2, 1, 3, n), rnd(r, 4, n, 2));
        ok("vector · matrix", t -> t[0].matmul(t[1]), rnd(r, n), rnd(r, n, 3));
        ok("matrix · vector", t -> t[0].matmul(t[1]), rnd(r, 3, n), rnd(r, n));
    }

    @ParameterizedTest @ValueSource(ints = {1, 3, 17, 129})
    void softmaxLayerNorm(int n) {
        Rng r = new Rng(400 + n);
        Tensor x = rnd(r, 2, n, 3);
        ok("softmax last", t -> t[0].softmax(-1), x);
        ok("softmax dim1", t -> t[0].softmax(1), x);
        ok("log_softmax dim0", t -> t[0].logSoftmax(0), x);
        ok("log_softmax dim1", t -> t[0].logSoftmax(1), x);
        float[] m = new float[n * 3];
        for (int i = 0; i < m.length; i++) if (i % 3 == 1 && n > 1 && i / 3 % 2 == 0) m[i] = Float.NEGATIVE_INFINITY;
        Tensor mask = Tensor.of(m, n, 3).to(DType.F64);
        ok("masked softmax", t -> t[0].add(mask).softmax(1), x);
        Tensor w = rnd(r, n), b = rnd(r, n);
        ok("layer_norm", t -> t[0].layerNorm(1, t[1], t[2], 1e-5), rnd(r, 4, n).mul(3.0).add(5.0), w, b);
        ok("layer_norm 2 dims no affine", t -> t[0].layerNorm(2, null, null, 0.03), rnd(r, 2, 3, n));
    }

    @ParameterizedTest @ValueSource(ints = {1, 3, 17, 129})
    void indexingJoiningSelection(int n) {
        Rng r = new Rng(500 + n);
        Tensor x = rnd(r, 4, n);
        Tensor idx0 = Tensor.ofLongs(new long[]{3, 0, 3, 1, 2}, 5);
        ok("index_select", t -> t[0].indexSelect(0, idx0), x);
        Tensor g = Tensor.randint(r, 0, n, 4, 2);
        ok("gather", t -> t[0].gather(1, g), x);
        Tensor sidx = Tensor.randint(r, 0, 4, 6, n);
        ok("scatter_add", t -> t[0].scatterAdd(0, sidx, t[1]), x, rnd(r, 6, n));
        Tensor ids = Tensor.ofLongs(new long[]{0, 2, 2, 3, 1, 0}, 2, 3);
        ok("embedding", t -> t[0].embedding(ids, -1), x);
        // with a padding index the forward still reads that row, but by definition (PyTorch) it gets no gradient
        Tensor table = rnd(r, 4, n).requiresGrad(true);
        table.embedding(ids, 0).sum().backward();
        double[] g0 = table.grad().narrow(0, 0, 1).toDoubleArray(), g2 = table.grad().narrow(0, 2, 1).toDoubleArray();
        for (int j = 0; j < n; j++) {
            org.junit.jupiter.api.Assertions.assertEquals(0.0, g0[j]);
            org.junit.jupiter.api.Assertions.assertEquals(2.0, g2[j]);   // id 2 appears twice
        }
        ok("cat", t -> Tensor.cat(1, t[0], t[1]), x, rnd(r, 4, 2));
        ok("stack", t -> Tensor.stack(0, t[0], t[1]), rnd(r, n, 2), rnd(r, n, 2));
        ok("split/chunk", t -> { Tensor[] s = t[0].chunk(2, 0); return s[1].mul(s[0]); }, x);
        ok("where", t -> Tensor.where(t[0].gt(Tensor.scalar(0)), t[0], t[1]), x, rnd(r, 1, n));
        ok("masked_fill", t -> t[0].maskedFill(Tensor.ofLongs(new long[]{1, 0, 0, 1}, 4, 1), -3), x);
        ok("topk", t -> t[0].topk(Math.min(n, 3), true)[0], x);
        ok("views", t -> t[0].reshape(n, 4).transpose(0, 1).narrow(0, 1, 2).unsqueeze(0).expand(3, 2, n).permute(2, 0, 1).contiguous(), x);
        ok("dropout (fixed mask)", t -> t[0].dropout(0.3, true, new Rng(11)), x);
    }

    @ParameterizedTest @ValueSource(ints = {1, 3, 17})
    void losses(int c) {
        Rng r = new Rng(600 + c);
        Tensor target = Tensor.randint(r, 0, c, 5);
        ok("cross_entropy", t -> t[0].crossEntropy(target, -100, 0.0, "mean"), rnd(r, 5, c));
        ok("cross_entropy smoothing", t -> t[0].crossEntropy(target, -100, 0.1, "sum"), rnd(r, 5, c));
        long[] tv = target.toLongArray();
        tv[1] = -1;
        Tensor ignored = Tensor.ofLongs(tv, 5);
        ok("cross_entropy ignore", t -> t[0].crossEntropy(ignored, -1, 0.2, "mean"), rnd(r, 5, c));
        ok("cross_entropy class dim 1", t -> t[0].crossEntropy(Tensor.randint(new Rng(3), 0, c, 2, 3), -100, 0, "none"), rnd(r, 2, c, 3));
        ok("nll_loss", t -> Losses.nllLoss(t[0].logSoftmax(1), target, -100, "mean"), rnd(r, 5, c));
    }

    @ParameterizedTest @ValueSource(ints = {1, 3, 17})
    void attention(int t) {
        Rng r = new Rng(700 + t);
        Tensor kp = Tensor.ofLongs(t > 1 ? new long[]{0, 1} : new long[]{0}, 1, Math.min(t, 2));
        ok("sdpa causal", x -> Attention.sdpaReference(x[0], x[1], x[2], true, null, 0.3)[0],
                rnd(r, 1, 2, t, 3), rnd(r, 1, 2, t, 3), rnd(r, 1, 2, t, 3));
        ok("sdpa key padding", x -> Attention.sdpaReference(x[0], x[1], x[2], false, kp, 0.5)[0],
                rnd(r, 1, 2, t, 4), rnd(r, 1, 2, Math.min(t, 2), 4), rnd(r, 1, 2, Math.min(t, 2), 5));
    }
}
