package dev.segue.recsys.t4rec;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Grad;
import dev.segue.recsys.train.Recommender;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Evaluation (last item masked in place) and inference ([MASK] appended after the items before it) see
 * the same input, so their scores agree bit for bit — for short sessions, for sessions longer than the
 * window, with and without a key padding mask, and with late fusion.
 */
class EvalInferenceAgreementTest {
    static final int V = 40, T = 6;

    @Test void plain() { check(T4RecConfig.study().withModel(8, 2, 2).withTraining(1, 4, 1e-3, 0.15, T, 0.3, 1), null); }

    @Test void keyPaddingAndProjection() {
        check(T4RecConfig.study().withModel(8, 2, 1).withEmbedding(5, false, false, 0).withKeyPadding(true)
                .withTraining(1, 4, 1e-3, 0.15, T, 0.3, 1), null);
    }

    @Test void lateFusion() {
        Tensor audio = Tensor.randn(new Rng(4), V, 3);
        check(T4RecConfig.study().withModel(8, 2, 1).withEmbedding(8, false, true, 3).withTraining(1, 4, 1e-3, 0.15, T, 0.3, 1), audio);
    }

    private static void check(T4RecConfig cfg, Tensor audio) {
        T4RecModel model = new T4RecModel(cfg, V, null, audio, new Rng(2));
        // random output bias so ties are unlikely and the bias path is covered
        dev.segue.nn.Init.normal(model.namedParameters().get("output_bias").detach(), 0, 0.5, new Rng(8));
        int[][] sessions = {{3, 9}, {5, 1, 7, 22, 8}, {4, 4, 4, 10, 11, 12, 13, 14, 15, 39}, {2, 30, 31, 32, 33, 34}};
        int b = sessions.length;
        int[] ids = new int[b * T];
        for (int s = 0; s < b; s++) SessionWindows.fill(sessions[s], T, ids, s);
        boolean[] mask = ItemMasking.lastItem(ids, b, T);
        model.eval();
        float[] evalScores;
        try (Grad g = Grad.off()) {
            evalScores = model.logits(T4RecModel.maskedRows(model.encode(ids, mask, b), mask)).toFloatArray();   // [b, V]
        }
        T4RecRecommender rec = new T4RecRecommender(model);
        for (int s = 0; s < b; s++) {
            int[] prefix = Arrays.copyOf(sessions[s], sessions[s].length - 1);
            Recommender.Recommendations r = rec.recommend(prefix, V - 1);
            assertEquals(V - 1, r.items().length);
            float[] row = Arrays.copyOfRange(evalScores, s * V, (s + 1) * V);
            for (int i = 0; i < r.items().length; i++)
                assertEquals(row[r.items()[i]], r.scores()[i], 0.0f, "session " + s + " item " + r.items()[i]);
            // ranking: scores descending, the padding id never recommended
            for (int i = 1; i < r.items().length; i++) assertTrue(r.scores()[i - 1] >= r.scores()[i]);
            assertTrue(Arrays.stream(r.items()).noneMatch(x -> x == 0));
        }
    }
}
