package dev.segue.recsys.t4rec;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.io.RawArray;
import dev.segue.core.io.SafeTensors;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One forward + loss + backward of the model against {@code fixtures/t4rec/make_fixture.py} (plain
 * PyTorch after HF XLNet and Transformers4Rec, float64): V 13, e 6 ≠ d 8 (both projections), 2 layers,
 * 2 heads, FFN 32, T 5, 3 sessions with padding. Tolerances are float32 round-off over this depth.
 */
class T4RecModelReferenceTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/t4rec/t4rec_forward.safetensors");

    static T4RecConfig tinyConfig() {
        return T4RecConfig.study().withModel(8, 2, 2).withEmbedding(6, false, false, 0)
                .withTraining(1, 3, 1e-3, 0.15, 5, 0.0, 1);
    }

    @Test void forwardLossAndGradientsMatchPyTorch() {
        SafeTensors.Contents c = SafeTensors.read(FIXTURE);
        T4RecModel model = new T4RecModel(tinyConfig(), 13, null, null, new Rng(3));
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (var e : c.tensors().entrySet())
            if (e.getKey().startsWith("param/")) state.put(e.getKey().substring(6), Tensor.of(e.getValue().toFloats(), e.getValue().shape()));
        model.loadStateDict(state, true);

        int[] ids = toInts(c.get("ids"));
        long[] m = c.get("mask").toLongs();
        boolean[] mask = new boolean[m.length];
        for (int i = 0; i < m.length; i++) mask[i] = m[i] != 0;

        Tensor rows = T4RecModel.maskedRows(model.encode(ids, mask, 3), mask);
        assertClose(c.get("logits").toFloats(), model.logits(rows).toFloatArray(), 2e-5, "logits");

        Tensor loss = model.loss(ids, mask, 3);
        assertEquals(c.get("loss").toFloats()[0], loss.item(), 2e-6, "loss");
        loss.backward();
        int checked = 0;
        for (var e : model.namedParameters().entrySet()) {
            RawArray want = c.get("grad/" + e.getKey());
            assertNotNull(e.getValue().grad(), "no gradient for " + e.getKey());
            assertClose(want.toFloats(), e.getValue().grad().toFloatArray(), 2e-5, "grad " + e.getKey());
            checked++;
        }
        assertEquals(state.size(), checked);
    }

    static int[] toInts(RawArray a) {
        long[] l = a.toLongs();
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) out[i] = (int) l[i];
        return out;
    }

    /** |got − want| ≤ tol·(1 + |want|) elementwise, reporting the worst index. */
    static void assertClose(float[] want, float[] got, double tol, String what) {
        assertEquals(want.length, got.length, what + ": length");
        for (int i = 0; i < want.length; i++)
            assertTrue(Math.abs(got[i] - want[i]) <= tol * (1 + Math.abs(want[i])),
                    what + "[" + i + "]: got " + got[i] + ", want " + want[i]);
    }
}
