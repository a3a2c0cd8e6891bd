package dev.segue.core.conformance;

import dev.segue.core.Tensor;
import dev.segue.core.ops.Attention;
import dev.segue.core.ops.Losses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fixture ops implemented by the core engine, keyed by the manifest's op names. */
public final class CoreCaseOps implements ConformanceOps {

    @Override public void register(Map<String, CaseOp> ops) {
        ops.put("add", (in, p) -> out(in.get("a").add(in.get("b"))));
        ops.put("sub", (in, p) -> out(in.get("a").sub(in.get("b"))));
        ops.put("mul", (in, p) -> out(in.get("a").mul(in.get("b"))));
        ops.put("div", (in, p) -> out(in.get("a").div(in.get("b"))));
        ops.put("pow_tensor", (in, p) -> out(in.get("a").pow(in.get("b"))));
        ops.put("pow_scalar", (in, p) -> out(in.get("x").pow(num(p, "exponent"))));
        ops.put("unary", (in, p) -> out(unary(in.get("x"), (String) p.get("fn"))));
        ops.put("sum", (in, p) -> out(in.get("x").sum(dims(p.get("dim")), bool(p, "keepdim"))));
        ops.put("mean", (in, p) -> out(in.get("x").mean(dims(p.get("dim")), bool(p, "keepdim"))));
        ops.put("amax", (in, p) -> out(in.get("x").amax(dims(p.get("dim")), bool(p, "keepdim"))));
        ops.put("max_dim", (in, p) -> {
            if (p.get("dim") == null) return out(in.get("x").max());
            Tensor[] r = in.get("x").max((int) num(p, "dim"), bool(p, "keepdim"));
            Map<String, Tensor> m = out(r[0]);
            m.put("indices", r[1]);
            return m;
        });
        ops.put("var", (in, p) -> out(in.get("x").var(dims(p.get("dim")), bool(p, "unbiased"), bool(p, "keepdim"))));
        ops.put("logsumexp", (in, p) -> out(in.get("x").logsumexp((int) num(p, "dim"), bool(p, "keepdim"))));
        ops.put("argmax", (in, p) -> out(p.get("dim") == null ? in.get("x").argmax()
                : in.get("x").argmax((int) num(p, "dim"), bool(p, "keepdim"))));
        ops.put("matmul", (in, p) -> {
            Tensor a = in.get("a"), b = in.get("b");
            if (bool(p, "transpose_a")) a = a.mT();
            if (bool(p, "transpose_b")) b = b.mT();
            return out(a.matmul(b));
        });
        ops.put("linear", (in, p) -> {
            Tensor y = in.get("x").matmul(in.get("w").mT());
            return out(in.containsKey("b") ? y.add(in.get("b")) : y);
        });
        ops.put("softmax", (in, p) -> out(in.get("x").softmax((int) num(p, "dim"))));
        ops.put("log_softmax", (in, p) -> out(in.get("x").logSoftmax((int) num(p, "dim"))));
        ops.put("layer_norm", (in, p) -> out(in.get("x").layerNorm(((List<?>) p.get("normalized_shape")).size(),
                in.get("w"), in.get("b"), num(p, "eps"))));
        ops.put("embedding", (in, p) -> out(in.get("weight").embedding(in.get("indices"),
                p.get("padding_idx") == null ? -1 : (int) num(p, "padding_idx"))));
        ops.put("gather", (in, p) -> out(in.get("x").gather((int) num(p, "dim"), in.get("index"))));
        ops.put("index_select", (in, p) -> out(in.get("x").indexSelect((int) num(p, "dim"), in.get("index"))));
        ops.put("scatter_add", (in, p) -> out(in.get("x").scatterAdd((int) num(p, "dim"), in.get("index"), in.get("src"))));
        ops.put("cross_entropy", (in, p) -> out(in.get("logits").crossEntropy(in.get("target"),
                (long) num(p, "ignore_index"), num(p, "label_smoothing"), (String) p.get("reduction"))));
        ops.put("nll_loss", (in, p) -> out(Losses.nllLoss(in.get("logp"), in.get("target"),
                (long) num(p, "ignore_index"), (String) p.get("reduction"))));
        ops.put("sdpa", (in, p) -> {
            String mask = (String) p.get("mask");
            Tensor q = in.get("q");
            double scale = 1 / Math.sqrt(q.size(-1));
            boolean causal = mask.contains("causal");
            Tensor kp = mask.contains("key_padding") ? in.get("key_padding_mask") : null;
            // the output (and its gradients) from the fused kernel; the probabilities, which the
            // fused kernel never forms, from the composite reference
            Map<String, Tensor> m = out(Attention.fused(q, in.get("k"), in.get("v"), causal, kp, scale));
            m.put("attn", Attention.sdpaReference(q.detach(), in.get("k").detach(), in.get("v").detach(), causal, kp, scale)[1]);
            return m;
        });
    }

    static Tensor unary(Tensor x, String fn) {
        switch (fn) {
            case "exp": return x.exp();
            case "log": return x.log();
            case "sqrt": return x.sqrt();
            case "tanh": return x.tanh();
            case "sigmoid": return x.sigmoid();
            case "relu": return x.relu();
            case "gelu": return x.gelu();
            case "gelu_tanh": return x.geluTanh();
            case "silu": return x.silu();
            case "softplus": return x.softplus();
            case "logsigmoid": return x.logsigmoid();
            case "abs": return x.abs();
            case "neg": return x.neg();
            default: throw new UnsupportedOperationException("unary fn '" + fn + "'");
        }
    }

    /** A case's single output, named "out". */
    public static Map<String, Tensor> out(Tensor t) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("out", t);
        return m;
    }

    /** A numeric case parameter; an error names it when it is missing. */
    public static double num(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (!(v instanceof Number)) throw new IllegalArgumentException("param '" + key + "' missing or not a number: " + v);
        return ((Number) v).doubleValue();
    }

    static boolean bool(Map<String, Object> p, String key) { return Boolean.TRUE.equals(p.get(key)); }

    static int[] dims(Object d) {
        if (d == null) return null;
        if (d instanceof Number) return new int[]{((Number) d).intValue()};
        List<?> l = (List<?>) d;
        int[] r = new int[l.size()];
        for (int i = 0; i < r.length; i++) r[i] = ((Number) l.get(i)).intValue();
        return r;
    }
}
