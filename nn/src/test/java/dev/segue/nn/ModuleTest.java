package dev.segue.nn;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.nn.attention.RtaDecoderLayer;
import dev.segue.nn.attention.XLNetStack;
import dev.segue.nn.layers.Activation;
import dev.segue.nn.layers.Embedding;
import dev.segue.nn.layers.Linear;
import dev.segue.nn.optim.ParamGroup;
import dev.segue.nn.optim.ParamGroups;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ModuleTest {

    @Test void dottedNamesFollowHuggingFace() {
        XLNetStack s = new XLNetStack(2, 8, 2, 4, 16, Activation.GELU, 0.03, 0, new Rng(1));
        List<String> names = List.copyOf(s.namedParameters().keySet());
        assertEquals("layer.0.rel_attn.q", names.get(0));
        assertTrue(names.contains("layer.1.ff.layer_2.bias"));
        assertTrue(names.contains("layer.1.rel_attn.layer_norm.weight"));
        assertEquals(2 * 15, names.size(), "per layer: q, k, v, o, r, 2 relative biases, 2+2 norm, 2·2 linear");
        RtaDecoderLayer r = new RtaDecoderLayer(8, 2, 16, 5, 0, Activation.GELU, 1e-5, new Rng(1));
        assertTrue(r.namedParameters().containsKey("self_attn.out_proj.weight"));
        assertTrue(r.namedParameters().containsKey("pos_embedding.weight"));
    }

    @Test void stateDictRoundTripAndErrors() {
        Linear a = new Linear(3, 5, true, new Rng(1)), b = new Linear(3, 5, true, new Rng(2));
        assertNotEquals(a.weight().toFloatArray()[0], b.weight().toFloatArray()[0]);
        Tensor bw = b.weight();
        b.loadStateDict(a.stateDict(), true);
        assertSame(bw, b.weight(), "loading copies into the existing tensor");
        assertArrayEquals(a.weight().toFloatArray(), b.weight().toFloatArray());

        Map<String, Tensor> missing = new HashMap<>(a.stateDict());
        missing.remove("bias");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.loadStateDict(missing, true));
        assertTrue(e.getMessage().contains("missing keys [bias]"), e.getMessage());
        b.loadStateDict(missing, false); // non-strict tolerates it

        Map<String, Tensor> extra = new HashMap<>(a.stateDict());
        extra.put("scale", Tensor.ones(1));
        e = assertThrows(IllegalArgumentException.class, () -> b.loadStateDict(extra, true));
        assertTrue(e.getMessage().contains("unexpected keys [scale]"), e.getMessage());

        Map<String, Tensor> shaped = new HashMap<>(a.stateDict());
        shaped.put("weight", Tensor.zeros(5, 4));
        e = assertThrows(IllegalArgumentException.class, () -> b.loadStateDict(shaped, false));
        assertTrue(e.getMessage().contains("weight: checkpoint [5, 4], model [5, 3]"), e.getMessage());
    }

    @Test void initialisersHaveTheRightSpread() {
        Rng rng = new Rng(3);
        Tensor w = Tensor.zeros(400, 300);
        double[] v = Init.xavierUniform(w, 1, rng).toDoubleArray();
        double bound = Math.sqrt(6.0 / 700), max = 0, sq = 0;
        for (double x : v) { max = Math.max(max, Math.abs(x)); sq += x * x; }
        assertTrue(max <= bound && max > 0.99 * bound);
        assertEquals(bound * bound / 3, sq / v.length, 0.02 * bound * bound / 3);
        v = Init.kaimingNormal(w, Init.FanMode.FAN_OUT, Math.sqrt(2), rng).toDoubleArray();
        sq = 0;
        for (double x : v) sq += x * x;
        assertEquals(2.0 / 400, sq / v.length, 0.02 * 2.0 / 400);
        v = Init.normal(w, 1, 0.02, rng).toDoubleArray();
        double mean = 0;
        for (double x : v) mean += x / v.length;
        assertEquals(1, mean, 1e-3);
        assertArrayEquals(new int[]{300 * 1, 400}, Init.fans(new int[]{400, 300}));
        assertArrayEquals(new int[]{3 * 5, 8 * 5}, Init.fans(new int[]{8, 3, 5}));
        // the same seed gives the same values
        assertArrayEquals(Init.uniform(Tensor.zeros(7), -1, 1, new Rng(9)).toFloatArray(), Init.uniform(Tensor.zeros(7), -1, 1, new Rng(9)).toFloatArray());
    }

    @Test void freezingAndPretrainedEmbeddings() {
        Tensor table = Tensor.randn(new Rng(1), 17, 3);
        Embedding e = Embedding.fromPretrained(table, true, -1);
        assertArrayEquals(table.toFloatArray(), e.weight().toFloatArray());
        assertFalse(e.weight().requiresGrad());
        Linear l = new Linear(3, 2, true, new Rng(1));
        Tensor y = l.forward(e.forward(Tensor.ofLongs(new long[]{1, 5}, 2))).sum();
        y.backward();
        assertNull(e.weight().grad());
        assertNotNull(l.weight().grad());
        assertArrayEquals(new long[]{1, 5, 16}, Embedding.touchedRows(Tensor.ofLongs(new long[]{16, 5, 1, 5}, 4)));
        l.requiresGrad(false);
        assertTrue(ParamGroups.single(l, 1, 0).get(0).params().isEmpty(), "frozen parameters are left out of optimizer groups");
    }

    @Test void noDecayGroupsCoverBiasesNormsAndRelativeBiases() {
        XLNetStack s = new XLNetStack(1, 8, 2, 4, 16, Activation.GELU, 0.03, 0, new Rng(1));
        List<ParamGroup> g = ParamGroups.decayAndNoDecay(s, 1e-3, 0.01);
        assertEquals(List.of("layer.0.rel_attn.q", "layer.0.rel_attn.k", "layer.0.rel_attn.v", "layer.0.rel_attn.o", "layer.0.rel_attn.r",
                "layer.0.ff.layer_1.weight", "layer.0.ff.layer_2.weight"), List.copyOf(g.get(0).params().keySet()));
        assertTrue(g.get(1).params().containsKey("layer.0.rel_attn.r_w_bias"));
        assertTrue(g.get(1).params().containsKey("layer.0.ff.layer_norm.weight"));
        assertEquals(0, g.get(1).weightDecay());
    }

    @Test void trainEvalPropagatesAndDropoutIsDeterministic() {
        XLNetStack s = new XLNetStack(1, 8, 2, 4, 16, Activation.GELU, 0.03, 0.5, new Rng(1));
        Tensor x = Tensor.randn(new Rng(5), 2, 3, 8);
        s.eval();
        assertArrayEquals(s.forward(x, null).toFloatArray(), s.forward(x, null).toFloatArray(), "eval: no dropout");
        s.train();
        assertFalse(java.util.Arrays.equals(s.forward(x, null).toFloatArray(), s.forward(x, null).toFloatArray()), "train: dropout masks differ per call");
        XLNetStack s2 = new XLNetStack(1, 8, 2, 4, 16, Activation.GELU, 0.03, 0.5, new Rng(1));
        XLNetStack s3 = new XLNetStack(1, 8, 2, 4, 16, Activation.GELU, 0.03, 0.5, new Rng(1));
        assertArrayEquals(s2.forward(x, null).toFloatArray(), s3.forward(x, null).toFloatArray(), "same seed, same dropout");
    }
}
