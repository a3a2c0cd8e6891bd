package dev.segue.recsys.rta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.io.RawArray;
import dev.segue.core.io.SafeTensors;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RTA loss, the chosen negatives and the gradients against PyTorch (src/test/python/rta_loss_fixture.py). */
class RtaLossTest {

    static SafeTensors.Contents fixture() throws Exception {
        return SafeTensors.read(Path.of(RtaLossTest.class.getResource("/fixtures/rta/rta_loss.safetensors").toURI()));
    }

    static RtaModel model(SafeTensors.Contents c) {
        RtaModel m = new RtaModel(EmbeddingRepresenter.random(12, 8, 0.1, new Rng(1)), 2, 16, 5, 0.0, 1e-5, new Rng(2));
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (String k : m.stateDict().keySet()) {
            RawArray a = c.get(k);
            state.put(k, Tensor.of(a.toFloats(), a.shape()));
        }
        m.loadStateDict(state, true);
        return m;
    }

    @Test
    void lossNegativesAndGradientsMatchPyTorch() throws Exception {
        SafeTensors.Contents c = fixture();
        RtaModel m = model(c);
        long[] x = c.get("batch.x").toLongs(), cand = c.get("batch.candidates").toLongs();
        RtaLoss.Result r = RtaLoss.compute(m, new RtaBatch(3, 4, x, 5, cand), 2, 2);
        assertEquals(c.get("expected.positive").toFloats()[0], r.positive().item(), 1e-5);
        assertEquals(c.get("expected.negative").toFloats()[0], r.negative().item(), 1e-5);
        assertEquals(c.get("expected.loss").toFloats()[0], r.loss().item(), 1e-5);
        assertArrayEquals(c.get("expected.negatives").toLongs(), r.negatives());

        // the aggregated prefixes themselves
        Tensor reps = m.representer().forward(Tensor.ofLongs(x, 3, 4)).narrow(1, 0, 3);
        long[] pad = {0, 0, 0, 0, 0, 1, 0, 0, 0};
        assertArrayEquals(c.get("expected.h").toFloats(), m.aggregate(reps, Tensor.ofLongs(pad, 3, 3)).toFloatArray(), 1e-5f);

        r.loss().backward();
        Map<String, Tensor> params = m.namedParameters();
        for (String k : new String[] {"representer.embedding.weight", "aggregator.self_attn.in_proj_weight",
                "aggregator.pos_embedding.weight", "aggregator.linear1.weight"}) {
            float[] want = c.get("grad." + k).toFloats(), got = params.get(k).grad().toFloatArray();
            assertArrayEquals(want, got, 2e-5f, "gradient of " + k);
        }
    }

    @Test
    void negativesAreTheFirstEasyThenTheHighestScoringCandidates() {
        // hand-made: representations e(i) = i·u, h̄ = u (‖u‖ = 1) → score of candidate i is i
        int v = 10, d = 2;
        float[] table = new float[v * d];
        for (int i = 0; i < v; i++) { table[i * d] = 0.6f * i; table[i * d + 1] = 0.8f * i; }
        Representer rep = EmbeddingRepresenter.pretrained(Tensor.of(table, v, d), true);
        Tensor hBar = Tensor.of(new float[] {0.6f, 0.8f, -0.6f, -0.8f}, 2, d);   // row 1 prefers low ids
        long[] cand = {4, 9, 2, 7, 5, 4, 9, 2, 7, 5};
        long[] got = RtaLoss.chooseNegatives(rep, hBar, cand, 2, 5, 1, 2);
        assertArrayEquals(new long[] {4, 9, 7, 4, 2, 4}, got);
    }
}
