package dev.segue.recsys.t4rec;

import dev.segue.core.Tensor;
import dev.segue.nn.checkpoint.Checkpoint;
import dev.segue.recsys.data.SessionPipeline;
import dev.segue.recsys.data.synth.SynthConfig;
import dev.segue.recsys.data.synth.SyntheticCorpus;
import dev.segue.recsys.train.Recommender;
import dev.segue.recsys.train.RunRecommenders;
import dev.segue.recsys.train.TrainingLoop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * End to end on the tiny synthetic corpus (no audio): a 2-epoch run and a run stopped after epoch 1 then
 * resumed end with identical weights, optimizer state and metrics; the run folder has every artefact and
 * serves recommendations.
 */
class T4RecResumeTest {
    @TempDir static Path tmp;
    static Path sessions;

    @BeforeAll static void corpus() {
        Path m4a = tmp.resolve("m4a");
        SyntheticCorpus.generate(SynthConfig.preset("tiny", 3).withAudio(0, 22_050), m4a, s -> {});
        sessions = tmp.resolve("sessions");
        SessionPipeline.run(m4a, null, sessions, SessionPipeline.Options.defaults(), s -> {});
    }

    static T4RecConfig cfg() {
        return T4RecConfig.study().withModel(16, 2, 2).withTraining(2, 64, 2e-3, 0.2, 10, 0.1, 7);
    }

    @Test void resumedRunEqualsUninterruptedRun() throws Exception {
        Path a = tmp.resolve("straight"), b = tmp.resolve("killed");
        TrainingLoop.Result ra = new T4RecRun(sessions, a, cfg(), "random", null, false, false, Integer.MAX_VALUE, true).run();
        TrainingLoop.Result rb1 = new T4RecRun(sessions, b, cfg(), "random", null, false, false, 1, true).run();
        assertFalse(rb1.finished());
        assertFalse(Files.exists(b.resolve("test_metrics.json")));
        TrainingLoop.Result rb = new T4RecRun(sessions, b, cfg(), "random", null, false, true, Integer.MAX_VALUE, true).run();
        assertTrue(ra.finished() && rb.finished());
        assertEquals(ra.test(), rb.test());
        assertEquals(ra.bestEpoch(), rb.bestEpoch());
        assertEquals(Files.readString(a.resolve("test_metrics.json")), Files.readString(b.resolve("test_metrics.json")));
        assertEquals(validColumns(a), validColumns(b));
        for (String f : new String[]{TrainingLoop.LAST, TrainingLoop.BEST}) {
            Checkpoint ca = Checkpoint.load(a.resolve(f)), cb = Checkpoint.load(b.resolve(f));
            assertEquals(ca.model().keySet(), cb.model().keySet());
            for (var e : ca.model().entrySet())
                assertArrayEquals(e.getValue().toFloatArray(), cb.model().get(e.getKey()).toFloatArray(), f + " " + e.getKey());
            for (var e : ca.optimizer().entrySet())
                assertArrayEquals(e.getValue().toDoubleArray(), cb.optimizer().get(e.getKey()).toDoubleArray(), f + " optimizer " + e.getKey());
            assertEquals(ca.step(), cb.step());
        }

        // artefacts and metrics that mean something: training beats a uniform ranking on test
        for (String f : new String[]{"config.json", "metrics.csv", "test_metrics.json", "learning_curve.png", "valid_metrics.png", "items.txt"})
            assertTrue(Files.size(a.resolve(f)) > 0, f);
        int items = Files.readAllLines(a.resolve("items.txt")).size();
        assertTrue(ra.test().get("recall@20") > 3 * 20.0 / items, "recall@20 " + ra.test() + " vs random " + 20.0 / items);
        assertEquals(2, Files.readAllLines(a.resolve("metrics.csv")).size() - 1);

        Recommender rec = RunRecommenders.open(a);
        Recommender.Recommendations r = rec.recommend(new int[]{1, 2, 3}, 20);
        assertEquals(20, r.items().length);
    }

    /**
     * A frozen pretrained table narrower than d (projection in and out) stays unchanged by training; late
     * fusion restores its audio table from the checkpoint, so the reloaded run ranks like the trained model.
     */
    @Test void pretrainedFrozenAndLateFusionRuns() {
        var items = dev.segue.recsys.train.RunItems.fromSessionItems(sessions.resolve("items.tsv"));
        int n = items.size() - 1, w = 6;
        String[] ids = new String[n];
        float[] data = new float[n * w];
        dev.segue.core.Rng r = new dev.segue.core.Rng(5);
        for (int i = 0; i < n; i++) ids[i] = items.trackId(i + 1);
        for (int i = 0; i < data.length; i++) data[i] = (float) r.nextGaussian();
        var table = new dev.segue.recsys.embed.ItemEmbeddings(ids, data, w);

        T4RecConfig pre = cfg().withEmbedding(w, true, false, 0).withTraining(1, 64, 2e-3, 0.2, 10, 0.1, 7);
        Path p = tmp.resolve("pretrained");
        assertTrue(new T4RecRun(sessions, p, pre, "pretrained", table, false, false, Integer.MAX_VALUE, true).run().finished());
        float[] trained = Checkpoint.load(p.resolve(TrainingLoop.BEST)).model().get("item_embedding.weight").toFloatArray();
        for (int i = 0; i < n; i++)
            for (int k = 0; k < w; k++) assertEquals(data[i * w + k], trained[(i + 1) * w + k], 0f, "frozen row " + (i + 1));
        assertTrue(Checkpoint.load(p.resolve(TrainingLoop.BEST)).model().containsKey("projection.weight"));

        T4RecConfig lf = cfg().withEmbedding(16, false, true, w).withTraining(1, 64, 2e-3, 0.2, 10, 0.1, 7);
        Path f = tmp.resolve("late-fusion");
        assertTrue(new T4RecRun(sessions, f, lf, "random", table, false, false, Integer.MAX_VALUE, true).run().finished());
        Recommender a = RunRecommenders.open(f);
        Recommender.Recommendations ra = a.recommend(new int[]{4, 5, 6}, 10), rb = a.recommend(new int[]{4, 5, 7}, 10);
        assertEquals(10, ra.items().length);
        assertFalse(java.util.Arrays.equals(ra.scores(), rb.scores()), "the session changes the scores");
    }

    private static String validColumns(Path run) throws Exception {
        StringBuilder b = new StringBuilder();
        var lines = Files.readAllLines(run.resolve("metrics.csv"));
        String[] head = lines.get(0).split(",");
        for (String l : lines) {
            String[] f = l.split(",");
            for (int i = 0; i < head.length; i++) if (!head[i].equals("train_seconds")) b.append(f[i]).append(',');
            b.append('\n');
        }
        return b.toString();
    }
}
