package dev.segue.recsys.t4rec;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Grad;
import dev.segue.core.io.Json;
import dev.segue.nn.checkpoint.Checkpoint;
import dev.segue.recsys.train.Recommender;
import dev.segue.recsys.train.RunItems;
import dev.segue.recsys.train.TrainingLoop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Inference with a trained {@link T4RecModel}: a [MASK] is appended after the session's last item (the
 * window keeps the last maxLen−1 items) and its hidden state ranks the whole catalogue (padding id left
 * out, session items not excluded, as in evaluation).
 */
public final class T4RecRecommender implements Recommender {
    private final T4RecModel model;

    public T4RecRecommender(T4RecModel model) { this.model = model; }

    /** The best checkpoint of a run folder written by {@code segue train t4rec}. */
    @SuppressWarnings("unchecked")
    public static T4RecRecommender load(Path run) {
        Map<String, Object> json;
        try {
            json = Json.parseObject(Files.readString(run.resolve("config.json")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + run.resolve("config.json") + ": " + e.getMessage(), e);
        }
        Object c = json.get("t4rec");
        if (!(c instanceof Map)) throw new IllegalArgumentException(run.resolve("config.json") + " has no \"t4rec\" section: not a T4Rec run");
        T4RecConfig cfg = T4RecConfig.fromJson((Map<String, Object>) c);
        RunItems items = RunItems.read(run);
        Path best = run.resolve(TrainingLoop.BEST);
        if (!Files.exists(best)) throw new IllegalArgumentException(best + " does not exist: the run has not finished an epoch");
        Checkpoint ck = Checkpoint.load(best);
        // the late-fusion audio table travels in the checkpoint as a buffer
        T4RecModel m = new T4RecModel(cfg, items.size(), null, ck.model().get("audio_table"), new Rng(0));
        ck.restore(m, null, Map.of());
        return new T4RecRecommender(m);
    }

    public T4RecModel model() { return model; }

    @Override public int vocabSize() { return model.vocab(); }

    @Override public Recommendations recommend(int[] session, int k) {
        for (int id : session)
            if (id < 1 || id >= model.vocab()) throw new IllegalArgumentException("item " + id + " is not in the model's vocabulary [1, " + (model.vocab() - 1) + "]");
        int t = model.config().maxLen();
        int[] ids = new int[t];
        boolean[] mask = new boolean[t];
        SessionWindows.appendMask(session, t, ids, mask, 0);
        boolean was = model.isTraining();
        model.eval();
        try (Grad g = Grad.off()) {
            Tensor logits = model.logits(T4RecModel.maskedRows(model.encode(ids, mask, 1), mask));  // [1, V]
            int[] top = T4RecEvaluator.topK(logits, k).get(0);
            float[] all = logits.toFloatArray(), scores = new float[top.length];
            for (int i = 0; i < top.length; i++) scores[i] = all[top[i]];
            return new Recommendations(top, scores);
        } finally {
            if (was) model.train();
        }
    }
}
