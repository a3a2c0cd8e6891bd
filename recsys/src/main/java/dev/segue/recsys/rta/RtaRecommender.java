package dev.segue.recsys.rta;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.core.autograd.Grad;
import dev.segue.core.io.Json;
import dev.segue.nn.checkpoint.Checkpoint;
import dev.segue.recsys.eval.TopK;
import dev.segue.recsys.train.Recommender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Inference with a trained {@link RtaModel} under the RTA protocol: the whole session is the seed list
 * (any length: beyond max_len − 1 songs the earlier ones share position 1, as in the reference's
 * compute_recos), the last position's output h scores every item by ⟨h, e(item)⟩, and the session's
 * own songs and padding are never recommended.
 */
public final class RtaRecommender implements Recommender {
    private final RtaModel model;

    public RtaRecommender(RtaModel model) { this.model = model; }

    /** The best checkpoint of a run folder written by {@code segue train rta}, whatever its representer. */
    @SuppressWarnings("unchecked")
    public static RtaRecommender load(Path run) {
        Path cfg = run.resolve("config.json");
        Map<String, Object> json;
        try {
            json = Json.parseObject(Files.readString(cfg));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cfg + ": " + e.getMessage(), e);
        }
        if (!(json.get("representer") instanceof Map) || !(json.get("training") instanceof Map))
            throw new IllegalArgumentException(cfg + " has no \"representer\" and \"training\" sections: not an RTA run");
        Map<String, Object> rep = (Map<String, Object>) json.get("representer");
        RtaOptions o = RtaOptions.fromJson((Map<String, Object>) json.get("training"));
        Path best = run.resolve(RtaTrainer.BEST);
        if (!Files.exists(best)) throw new IllegalArgumentException(best + " does not exist: the run has not finished an epoch");
        Checkpoint ck = Checkpoint.load(best);
        Representer r = RepresenterSpec.forCheckpoint(String.valueOf(rep.get("kind")), Boolean.TRUE.equals(rep.get("freeze")), ck.model(), o);
        RtaModel m = new RtaModel(r, o.heads(), o.ffn(), o.maxSize(), o.dropout(), o.layerNormEps(), new Rng(0));
        ck.restore(m, null, Map.of());
        return new RtaRecommender(m);
    }

    public RtaModel model() { return model; }

    @Override public int vocabSize() { return model.representer().items(); }

    @Override public Recommendations recommend(int[] session, int k) {
        int v = vocabSize();
        if (session.length == 0) throw new IllegalArgumentException("an RTA session needs at least one seed song");
        long[] seeds = new long[session.length];
        for (int i = 0; i < session.length; i++) {
            if (session[i] < 1 || session[i] >= v) throw new IllegalArgumentException("item " + session[i] + " is not in the model's vocabulary [1, " + (v - 1) + "]");
            seeds[i] = session[i];
        }
        boolean was = model.isTraining();
        model.eval();
        try (var g = Grad.off()) {
            Tensor all = model.representer().all();
            int d = all.size(1);
            int[][] excluded = {RtaEvaluator.excludedIds(session)};
            int n = Math.min(k, v - excluded[0].length);            // what is left after the seeds and padding
            if (n <= 0) return new Recommendations(new int[0], new float[0]);
            TopK.Result r = RtaEvaluator.rank(model, all.contiguous().toFloatArray(), v, d, seeds, 1, session.length, excluded, n);
            return new Recommendations(r.row(0), java.util.Arrays.copyOf(r.scores(), r.row(0).length));
        } finally {
            if (was) model.train();
        }
    }
}
