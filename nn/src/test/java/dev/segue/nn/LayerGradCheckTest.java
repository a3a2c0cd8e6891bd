package dev.segue.nn;

import dev.segue.core.DType;
import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.ops.Convolution;
import dev.segue.core.ops.Pooling;
import dev.segue.nn.attention.MultiheadAttention;
import dev.segue.nn.attention.RelativePositions;
import dev.segue.nn.attention.RtaDecoderLayer;
import dev.segue.nn.attention.TransformerEncoderLayer;
import dev.segue.nn.attention.XLNetStack;
import dev.segue.nn.layers.Activation;
import dev.segue.nn.layers.BatchNorm;
import dev.segue.nn.layers.Embedding;
import dev.segue.nn.layers.GroupNorm;
import dev.segue.nn.layers.LayerNorm;
import dev.segue.nn.layers.Linear;
import dev.segue.nn.layers.WeightNorm;
import dev.segue.nn.losses.BceWithLogits;
import dev.segue.nn.models.hubert.HubertConfig;
import dev.segue.nn.models.hubert.HubertModel;
import dev.segue.nn.losses.Contrastive;
import dev.segue.nn.losses.NegativeSampling;
import dev.segue.nn.losses.Reduction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.segue.nn.GradCheck.check;
import static dev.segue.nn.GradCheck.randn;

/** Every layer's backward against float64 central differences, with odd sizes (1, 3, 17). */
class LayerGradCheckTest {
    private final Rng rng = new Rng(7);

    /** Checks a module: data inputs first, then every parameter (bound as the perturbed tensors). */
    private void checkModule(String what, Module m, Function<Tensor[], Tensor> fwd, Tensor... data) {
        List<String> names = new ArrayList<>(m.namedParameters().keySet());
        List<Tensor> all = new ArrayList<>(Arrays.asList(data));
        for (String n : names) all.add(randn(rng, m.namedParameters().get(n).shape()).mul(0.5));
        check(what, xs -> {
            Map<String, Tensor> bind = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) bind.put(names.get(i), xs[data.length + i]);
            m.bindParameters(bind);
            return fwd.apply(Arrays.copyOf(xs, data.length));
        }, all.toArray(new Tensor[0]));
    }

    private static Tensor mask(long[] v, int... shape) { return Tensor.ofLongs(v, shape); }

    @Test void linearAndActivations() {
        for (Activation a : Activation.values()) {
            Linear l = new Linear(3, 17, true, rng);
            checkModule("linear+" + a, l, x -> a.apply(l.forward(x[0])), randn(rng, 1, 3, 3));
        }
        Linear nb = new Linear(17, 1, false, rng);
        checkModule("linear no bias", nb, x -> nb.forward(x[0]), randn(rng, 3, 17));
    }

    @Test void norms() {
        LayerNorm ln = new LayerNorm(17, 0.03);
        checkModule("layer_norm", ln, x -> ln.forward(x[0]), randn(rng, 3, 17));
        GroupNorm gn = new GroupNorm(3, 9, 1e-5);
        checkModule("group_norm", gn, x -> gn.forward(x[0]), randn(rng, 1, 9, 17));
        BatchNorm bn = new BatchNorm(3, 1e-5, 0.1);
        bn.train();
        checkModule("batch_norm train", bn, x -> {
            Tensor y = bn.forward(x[0]);
            bn.loadStateDict(Map.of("running_mean", Tensor.zeros(3), "running_var", Tensor.ones(3)), false);
            return y;
        }, randn(rng, 3, 3, 5));
        BatchNorm bne = new BatchNorm(3, 1e-3, 0.1);
        bne.loadStateDict(Map.of("running_mean", Tensor.of(new float[]{0.1f, -0.2f, 0.3f}, 3), "running_var", Tensor.of(new float[]{0.5f, 1.5f, 2f}, 3)), false);
        bne.eval();
        checkModule("batch_norm eval", bne, x -> bne.forward(x[0]), randn(rng, 3, 3, 1, 5));
    }

    @Test void embedding() {
        Tensor ids = mask(new long[]{0, 4, 16, 4, 0, 1}, 2, 3);
        Embedding e = new Embedding(17, 3, -1, rng);
        checkModule("embedding", e, x -> e.forward(ids), new Tensor[0]);
        // with a padding index the finite difference of that row is deliberately not followed: PyTorch
        // gives it a zero gradient; every other row must get exactly the unpadded gradient
        Embedding padded = new Embedding(17, 3, 0, rng);
        Tensor table = randn(rng, 17, 3).requiresGrad(true), table2 = Tensor.of(table.toDoubleArray(), 17, 3).requiresGrad(true);
        padded.bindParameters(Map.of("weight", table));
        e.bindParameters(Map.of("weight", table2));
        Tensor u = randn(rng, 2, 3, 3);
        padded.forward(ids).mul(u).sum().backward();
        e.forward(ids).mul(u).sum().backward();
        double[] gp = table.grad().toDoubleArray(), g = table2.grad().toDoubleArray();
        for (int i = 0; i < gp.length; i++) org.junit.jupiter.api.Assertions.assertEquals(i < 3 ? 0 : g[i], gp[i], 0, "row " + i / 3);
        org.junit.jupiter.api.Assertions.assertNotEquals(0, g[0], "the unpadded row 0 does get a gradient");
    }

    @Test void convolutions() {
        check("conv1d s2 p1 d2", x -> Convolution.conv1d(x[0], x[1], x[2], 2, 1, 1, 2, 1), randn(rng, 1, 3, 17), randn(rng, 5, 3, 3), randn(rng, 5));
        check("conv1d groups 3 even kernel", x -> Convolution.conv1d(x[0], x[1], null, 1, 2, 2, 1, 3), randn(rng, 3, 3, 7), randn(rng, 3, 1, 4));
        check("conv2d asymmetric groups", x -> Convolution.conv2d(x[0], x[1], x[2], new int[]{2, 1}, new Convolution.Padding(1, 2, 0, 1),
                new int[]{1, 2}, 2), randn(rng, 1, 4, 7, 5), randn(rng, 6, 2, 3, 2), randn(rng, 6));
        check("conv2d 1x1", x -> Convolution.conv2d(x[0], x[1], x[2], new int[]{1, 1}, new Convolution.Padding(0, 0, 0, 0),
                new int[]{1, 1}, 1), randn(rng, 3, 3, 1, 5), randn(rng, 17, 3, 1, 1), randn(rng, 17));
        check("conv2d tf-same 4x1", x -> Convolution.conv2d(x[0], x[1], null, new int[]{1, 1}, Convolution.Padding.tfSame(4, 1),
                new int[]{1, 1}, 1), randn(rng, 1, 1, 9, 3), randn(rng, 2, 1, 4, 1));
        check("weight norm dim 2", x -> Convolution.conv1d(x[0], WeightNorm.weight(x[1], x[2], 2), null, 1, 2, 2, 1, 1),
                randn(rng, 1, 3, 7), randn(rng, 3, 3, 5), randn(rng, 1, 1, 5));
    }

    @Test void pooling() {
        check("max_pool2d k3 s2 p1", x -> Pooling.maxPool2d(x[0], new int[]{3, 3}, new int[]{2, 2}, new int[]{1, 1}), randn(rng, 1, 3, 7, 5));
        check("max_pool1d", x -> Pooling.maxPool1d(x[0], 3, 2, 1), randn(rng, 3, 1, 17));
        check("avg_pool2d exclude pad", x -> Pooling.avgPool2d(x[0], new int[]{3, 3}, new int[]{2, 2}, new int[]{1, 1}, false), randn(rng, 1, 3, 7, 5));
        check("avg_pool2d include pad", x -> Pooling.avgPool2d(x[0], new int[]{3, 2}, new int[]{1, 2}, new int[]{1, 1}, true), randn(rng, 3, 1, 5, 7));
        check("global avg", x -> Pooling.globalAvgPool2d(x[0]), randn(rng, 1, 3, 5, 17));
    }

    @Test void losses() {
        check("bce pos_weight", x -> BceWithLogits.apply(x[0], x[1], x[2], Reduction.MEAN),
                randn(rng, 3, 17), Tensor.rand(rng, 3, 17).to(DType.F64), Tensor.rand(rng, 17).to(DType.F64));
        check("neg sampling", x -> NegativeSampling.loss(x[0], x[1], x[2]), randn(rng, 3, 5), randn(rng, 3, 5), randn(rng, 3, 1, 5));
        check("neg logsigmoid sum", x -> NegativeSampling.negLogSigmoidSum(x[0], x[1]), randn(rng, 3), randn(rng, 3, 17));
        Tensor ids = Tensor.ofLongs(new long[]{4, 2, 4}, 3);
        check("infonce symmetric dup mask", x -> Contrastive.infoNce(x[0], x[1], 0.1, true, ids), randn(rng, 3, 5), randn(rng, 3, 5));
        check("infonce one-way", x -> Contrastive.infoNce(x[0], x[1], 0.5, false, null), randn(rng, 3, 17), randn(rng, 3, 17));
        check("nt_xent", x -> Contrastive.ntXent(x[0], x[1], 0.2), randn(rng, 3, 5), randn(rng, 3, 5));
    }

    @Test void attention() {
        MultiheadAttention mha = new MultiheadAttention(6, 3, true, 0, rng);
        Tensor kp = mask(new long[]{0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, 2, 5);
        checkModule("mha cross key padding", mha, x -> mha.forward(x[0], x[1], x[1], false, kp), randn(rng, 2, 3, 6), randn(rng, 2, 5, 6));
        checkModule("mha self causal", mha, x -> mha.forward(x[0], true, null), randn(rng, 1, 5, 6));
        for (boolean normFirst : new boolean[]{false, true}) {
            TransformerEncoderLayer tel = new TransformerEncoderLayer(6, 2, 17, 0, Activation.GELU, 1e-5, normFirst, rng);
            checkModule("encoder layer normFirst=" + normFirst, tel, x -> tel.forward(x[0], false, kp), randn(rng, 2, 5, 6));
        }
        RtaDecoderLayer rta = new RtaDecoderLayer(6, 3, 17, 7, 0, Activation.GELU, 1e-5, rng);
        checkModule("rta decoder layer", rta, x -> rta.forward(x[0], kp), randn(rng, 2, 5, 6));
    }

    @Test void hubertPieces() {
        HubertConfig c = new HubertConfig(new int[]{3, 3}, new int[]{3, 2}, new int[]{2, 1}, false, 4, 2, 5, 1, 1e-5, 4, 2, 0);
        HubertModel m = new HubertModel(c, rng);
        m.eval();
        checkModule("hubert tiny (conv stem + group norm, projection, weight-normed pos conv, post-LN layer)", m,
                x -> m.forward(x[0], null).last(), randn(rng, 1, 17));
    }

    @Test void xlnet() {
        check("rel shift", x -> RelativePositions.relShift(x[0], 3), randn(rng, 1, 3, 3, 6));
        XLNetStack s = new XLNetStack(2, 6, 3, 2, 17, Activation.GELU_TANH, 0.03, 0, rng);
        Tensor kp = mask(new long[]{0, 0, 1, 0, 0, 0}, 2, 3);
        checkModule("xlnet 2 layers key padding", s, x -> s.forward(x[0], kp), randn(rng, 2, 3, 6));
        // a fully padded sequence (HF semantics: uniform attention, finite values) stays differentiable
        Tensor allPad = mask(new long[]{1, 1, 1, 0, 1, 0}, 2, 3);
        checkModule("xlnet fully padded row", s, x -> s.forward(x[0], allPad), randn(rng, 2, 3, 6));
        XLNetStack one = new XLNetStack(1, 4, 1, 3, 5, Activation.GELU, 0.03, 0, rng);
        checkModule("xlnet T=1", one, x -> one.forward(x[0], null), randn(rng, 3, 1, 4));
    }
}
