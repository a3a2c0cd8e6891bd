package dev.segue.recsys.rta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.core.io.SafeTensors;
import dev.segue.recsys.baselines.WrmfOptions;
import dev.segue.recsys.data.RtaQuery;
import dev.segue.recsys.data.SessionPipeline;
import dev.segue.recsys.embed.ItemEmbeddings;
import dev.segue.recsys.eval.ContinuationMetrics;
import dev.segue.recsys.eval.ContinuationProtocol;
import dev.segue.recsys.train.Recommender;
import dev.segue.recsys.train.RunItems;
import dev.segue.recsys.train.RunRecommenders;
import dev.segue.recsys.data.synth.SynthConfig;
import dev.segue.recsys.data.synth.SyntheticCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RtaTrainingTest {
    @TempDir static Path dir;
    static Path corpus, sessions;

    @BeforeAll
    static void corpus() {
        corpus = dir.resolve("corpus");
        sessions = dir.resolve("sessions");
        SyntheticCorpus.generate(SynthConfig.preset("tiny", 3).withAudio(0, 22_050), corpus, s -> { });
        SessionPipeline.run(corpus, null, sessions, SessionPipeline.Options.defaults(), s -> { });
    }

    static RtaOptions small(int epochs) {
        return RtaOptions.defaults().withSizes(2, 32).withNnLayer(2, 32, 0).withNegatives(20, 5, 5).withTraining(0.5, epochs, 128).withSeed(4);
    }

    static RepresenterSpec spec(String kind) {
        return new RepresenterSpec(kind, 16, null, null, false, false, corpus, ItemGroups.BUCKETS, 0, WrmfOptions.defaults().withFactors(16).withIterations(4));
    }

    /** The mf run also serves as the uninterrupted reference of the resume check (one training run fewer). */
    @Test
    void mfRunLearnsAndAResumedRunEndsExactlyLikeIt() throws Exception {
        Path a = dir.resolve("run-a"), b = dir.resolve("run-b");
        RtaTrainer.Outcome full = RtaRun.run(sessions, a, spec("mf"), small(2), false, 0, s -> { });
        List<String> rows = Files.readAllLines(a.resolve("metrics.csv"));
        int loss = List.of(rows.get(0).split(",")).indexOf("train_loss");
        double first = Double.parseDouble(rows.get(1).split(",")[loss]), last = Double.parseDouble(rows.get(2).split(",")[loss]);
        assertTrue(last < first, "training loss " + first + " -> " + last);
        // a uniform random list of 20 of the ~299 songs recalls about 20/299 of the withheld songs
        double recall = full.test().summary("recall@20").mean();
        System.out.printf("rta mf on tiny: test recall@20 %.3f ndcg@20 %.3f (chance recall ~%.3f)%n", recall, full.test().summary("ndcg@20").mean(), 20.0 / 299);
        assertTrue(recall > 2 * 20.0 / 299, "recall@20 " + recall);

        int perEpoch = new RtaBatcher(RtaCorpus.read(sessions).train(), RtaCorpus.read(sessions).items(), 11, 20, 128, 4).batchesPerEpoch();
        // "killed" in the middle of epoch 2, then resumed by a fresh process-equivalent
        RtaTrainer.Outcome cut = RtaRun.run(sessions, b, spec("mf"), small(2), false, perEpoch + perEpoch / 2, s -> { });
        assertTrue(cut.stopped());
        assertThrows(IllegalStateException.class, () -> RtaRun.run(sessions, b, spec("mf"), small(2), false, 0, s -> { }));
        RtaTrainer.Outcome resumed = RtaRun.run(sessions, b, spec("mf"), small(2), true, 0, s -> { });

        var ta = SafeTensors.read(a.resolve(RtaTrainer.LAST)).tensors();
        var tb = SafeTensors.read(b.resolve(RtaTrainer.LAST)).tensors();
        assertEquals(ta.keySet(), tb.keySet());
        for (String k : ta.keySet()) assertArrayEquals(ta.get(k).toFloats(), tb.get(k).toFloats(), k);
        assertEquals(full.bestEpoch(), resumed.bestEpoch());
        assertEquals(full.test().summary("ndcg@20").mean(), resumed.test().summary("ndcg@20").mean());
        assertEquals(withoutSeconds(a), withoutSeconds(b));
        for (String f : List.of("config.json", "metrics.csv", "test_metrics.json", "learning_curve.png", "validation_curve.png", RtaTrainer.BEST, "items.txt"))
            assertTrue(Files.size(a.resolve(f)) > 0, f);
        assertLoadedRunRecommendsAsEvaluated(a, full);
    }

    /**
     * The run folder alone rebuilds the best model: its test scores equal the trainer's, and
     * {@code recommend} on a test query's seeds gives the protocol's list (seeds excluded) best first.
     */
    static void assertLoadedRunRecommendsAsEvaluated(Path run, RtaTrainer.Outcome outcome) {
        Recommender r = RunRecommenders.open(run);
        RtaRecommender rta = assertInstanceOf(RtaRecommender.class, r);
        RtaCorpus c = RtaCorpus.read(sessions);
        RtaEvaluator ev = new RtaEvaluator(new ContinuationMetrics(c.artist(), c.popularity()), ContinuationProtocol.DEFAULT_RECOMMENDATIONS);
        assertEquals(outcome.test().summary("ndcg@20").mean(), ev.evaluate(rta.model(), c.test()).summary("ndcg@20").mean(), run.toString());
        RunItems items = RunItems.forRun(run);
        assertEquals(c.items(), items.size());
        for (RtaQuery q : List.of(c.test().get(0), c.test().get(c.test().size() - 1))) {
            int[] expected = java.util.Arrays.copyOf(RtaEvaluator.recommend(rta.model(), List.of(q), 500).get(0), 20);
            Recommender.Recommendations got = r.recommend(q.seeds(), 20);
            assertArrayEquals(expected, got.items(), run + " query with " + q.seeds().length + " seeds");
            for (int s : q.seeds()) for (int id : got.items()) assertTrue(id != s, "seed " + s + " recommended");
            for (int i = 1; i < got.scores().length; i++) assertTrue(got.scores()[i - 1] >= got.scores()[i], "scores best first");
        }
    }

    static List<String> withoutSeconds(Path run) throws Exception {
        return Files.readAllLines(run.resolve("metrics.csv")).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void everyRepresenterTrainsAndItsRunFolderRecommends() {
        RtaCorpus c = RtaCorpus.read(sessions);
        Path npy = dir.resolve("emb.npy"), ids = dir.resolve("emb.ids.txt");
        dev.segue.core.Rng rng = new dev.segue.core.Rng(9);
        float[] e = new float[(c.items() - 1) * 16];
        for (int i = 0; i < e.length; i++) e[i] = (float) (0.1 * rng.nextGaussian());
        new ItemEmbeddings(java.util.Arrays.copyOfRange(c.trackIds(), 1, c.items()), e, 16).write(npy, ids);
        for (String kind : List.of("random", "fm", "nn", "pretrained")) {
            RepresenterSpec spec = kind.equals("pretrained")
                    ? new RepresenterSpec(kind, 16, npy, ids, false, false, null, ItemGroups.BUCKETS, 0, WrmfOptions.defaults())
                    : spec(kind);
            Path run = dir.resolve("run-" + kind);
            RtaTrainer.Outcome r = RtaRun.run(sessions, run, spec, small(1), false, 0, s -> { });
            double v = r.test().summary("ndcg@20").mean();
            assertTrue(Double.isFinite(v) && v > 0, kind + " ndcg@20 " + v);
            assertLoadedRunRecommendsAsEvaluated(run, r);
        }
    }
}
